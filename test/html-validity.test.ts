import { Severity, type Message } from 'html-validate';
import request from 'supertest';
import { testApp } from './helpers';
import { AS_IF_AT, htmlValidator } from './html-validator';
import { visits } from './visits';

function describeMessages(messages: Message[], source: string): string {
  const lines = source.split('\n');
  return messages
    .map((message) => {
      const line = lines[message.line - 1] ?? '';
      const excerpt = line.slice(Math.max(0, message.column - 40), message.column + 60).trim();
      return `${message.line}:${message.column} ${message.ruleId}: ${message.message}\n    ${excerpt}`;
    })
    .join('\n');
}

/** Every page: the language choice, every page of every language, search, and the 404 pages. */
describe('HTML validity (html-validate)', () => {
  it("reads the project's .htmlvalidate.json, on top of the recommended rules", async () => {
    const rules = (await htmlValidator.getConfigFor(AS_IF_AT)).getRules();
    expect(rules.get('no-dup-id')?.[0]).toBe(Severity.ERROR);
    expect(rules.get('long-title')?.[0]).toBe(Severity.DISABLED);
    const report = await htmlValidator.validateString('<p><div>misplaced</div></p>', AS_IF_AT);
    expect(report.valid).toBe(false);
  });

  it.each(visits)('finds no error on $name ($path)', async ({ path: url, status }) => {
    const { app } = await testApp();
    const response = await request(app).get(url);
    expect(response.status).toBe(status);
    const report = await htmlValidator.validateString(response.text, AS_IF_AT);
    const messages = report.results.flatMap((result) => result.messages);
    expect(describeMessages(messages, response.text)).toBe('');
  });
});
