/**
 * `npm run check:links [-- --content <dir>] [--concurrency 4] [--timeout 10000]`: asks every
 * outside address the content names whether it still answers, and lists, with its file and
 * line, each one that fails, has moved or redirects. For editors, by hand: it needs the
 * internet, so it is not part of `npm test`. Exits 1 when it lists anything.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { externalLinkPlaces, linkReport } from '../content/external-links';
import { checkLinks } from '../lib/link-check';
import { DEFAULT_PATHS } from '../site/startup';

const { values } = parseArgs({
  options: {
    content: { type: 'string' },
    concurrency: { type: 'string', default: '4' },
    timeout: { type: 'string', default: '10000' },
  },
});

async function main(): Promise<void> {
  const contentDir = path.resolve(values.content ?? DEFAULT_PATHS.contentDir);
  const places = externalLinkPlaces(contentDir);
  const verdicts = await checkLinks(
    places.map((place) => place.url),
    { concurrency: Number(values.concurrency), timeoutMs: Number(values.timeout) },
  );
  const listed = linkReport(places, verdicts);
  const report = [
    ...listed,
    '',
    `${verdicts.size} addresses checked (${places.length} links); ${listed.length} to look at.`,
  ];
  // Name lookups that timed out still hold libuv's few threads until the resolver gives up,
  // which would keep the process alive long after the report: once it is written, end.
  process.stdout.write(`${report.join('\n')}\n`, () => process.exit(listed.length > 0 ? 1 : 0));
}

void main();
