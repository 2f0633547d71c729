import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IMAGE_ENV } from '../scripts/server-process';

/**
 * The bench and the soak measure the site as the image runs it: the image's environment must be
 * the one they start it with.
 */
describe("the image's runtime settings", () => {
  const dockerfile = readFileSync(path.join(__dirname, '..', 'Dockerfile'), 'utf8');

  it.each(Object.entries(IMAGE_ENV))(
    'sets %s as npm run bench and npm run soak do',
    (name, value) => {
      const written = new RegExp(`\\b${name}=(?:"([^"]*)"|(\\S+))`).exec(dockerfile);
      expect(written?.[1] ?? written?.[2]).toBe(value);
    },
  );
});

/**
 * The image starts from the site its build prepared (dist/site.snapshot) only while the files
 * it was made from are the same: the running stage must hold every one of them.
 */
describe('the running image holds what its prepared site was made from', () => {
  const dockerfile = readFileSync(path.join(__dirname, '..', 'Dockerfile'), 'utf8');
  const runningStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it.each(['dist', 'content', 'views', 'static', 'package-lock.json'])('%s', (input) => {
    const copied = new RegExp(`^COPY (?:--from=build /app/)?${input} \\./(?:${input})?$`, 'm');
    expect(runningStage).toMatch(copied);
  });

  it('and is built for the address it serves by default', () => {
    expect(dockerfile).toMatch(/^RUN npm run build\b/m);
    expect(runningStage).toMatch(/^\s*BASE_URL=\$BASE_URL\b/m);
  });
});
