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
