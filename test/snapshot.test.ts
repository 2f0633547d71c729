import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PreparedResponse } from '../src/lib/prepared';
import { readSnapshot, writeSnapshot } from '../src/site/snapshot';
import { DEFAULT_PATHS, snapshotKey, startSite, type PreparedSite } from '../src/site/startup';
import { TEST_BASE_URL, testSite } from './helpers';
import { siteCopy, type SiteCopy } from './site-copy';

/**
 * `npm run build` keeps the site it rendered (dist/site.snapshot) and a start serves it
 * instead of building its own: it must be the same site, and only ever for the same files.
 */
describe('a start from the site the build prepared', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'snapshot-'));
  const file = path.join(dir, 'site.snapshot');
  let built: PreparedSite;
  let started: Awaited<ReturnType<typeof startSite>>;

  beforeAll(async () => {
    built = await testSite();
    writeSnapshot(file, { key: snapshotKey(TEST_BASE_URL), ...built.made });
    started = await startSite(TEST_BASE_URL, DEFAULT_PATHS, file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the kept site instead of building one', () => {
    expect(started.fromSnapshot).toBe(true);
  });

  it('serves the same paths', () => {
    expect([...started.site.pages.keys()]).toEqual([...built.site.pages.keys()]);
  });

  it('answers every path with the same response: status, headers, ETag and every encoding', () => {
    const differing = [...built.site.pages].filter(([pagePath, fresh]) => {
      const kept = started.site.pages.get(pagePath);
      return !kept || !sameResponse(kept, fresh);
    });
    expect(differing.map(([pagePath]) => pagePath)).toEqual([]);
  });

  it('has the same error pages, in every language and in all of them at once', () => {
    const kinds = ['badRequest', 'notFound', 'uriTooLong', 'serverError'] as const;
    const languages = [undefined, ...built.site.tree.languages.map((language) => language.code)];
    for (const kind of kinds) {
      for (const language of languages) {
        expect(
          sameResponse(
            started.site.errorPage(kind, language),
            built.site.errorPage(kind, language),
          ),
        ).toBe(true);
      }
    }
  });

  it('takes feedback about the same pages', () => {
    const targets = (site: PreparedSite) =>
      site.site.tree.nodes.flatMap((node) =>
        site.site.tree.languages.map((language) =>
          site.site.feedback.findTarget(node.id, language.code),
        ),
      );
    expect(targets(started)).toEqual(targets(built));
    expect(targets(started).filter((target) => target === undefined)).toEqual([]);
  });

  it('finds and shows the same search results', () => {
    for (const language of built.site.tree.languages) {
      for (const text of ['comptable', 'boekhouder', 'Zugriff', 'access manager left']) {
        const query = { text, cut: false };
        expect(started.site.renderSearch(language, query).toString()).toBe(
          built.site.renderSearch(language, query).toString(),
        );
      }
    }
  });
});

describe('the kept site is used only if it was made from the same files for the same address', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'snapshot-'));
  const file = path.join(dir, 'site.snapshot');
  let copy: SiteCopy;

  beforeAll(async () => {
    const built = await testSite();
    writeSnapshot(file, { key: snapshotKey(TEST_BASE_URL), ...built.made });
    copy = siteCopy();
  });
  afterAll(() => {
    copy.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is the same for the same files in another folder', () => {
    expect(snapshotKey(TEST_BASE_URL, copy.paths)).toBe(snapshotKey(TEST_BASE_URL));
    expect(readSnapshot(file, snapshotKey(TEST_BASE_URL, copy.paths))).toBeDefined();
  });

  it.each([
    ['a content file', 'content/pages/home.yaml'],
    ['a template', 'views/layout.njk'],
    ['a style sheet', 'static/site.css'],
  ])('is not used once %s changes', (_, changed) => {
    copy.edit(changed, (text) => `${text}\n`);
    try {
      expect(readSnapshot(file, snapshotKey(TEST_BASE_URL, copy.paths))).toBeUndefined();
    } finally {
      copy.edit(changed, (text) => text.slice(0, -1));
    }
  });

  it('is not used for another public address', () => {
    expect(readSnapshot(file, snapshotKey('https://elsewhere.example.be'))).toBeUndefined();
  });

  it('is not used when the file is not a snapshot, or not there', () => {
    const broken = path.join(dir, 'broken.snapshot');
    writeFileSync(broken, 'not a snapshot');
    expect(readSnapshot(broken, snapshotKey(TEST_BASE_URL))).toBeUndefined();
    expect(readSnapshot(path.join(dir, 'none'), snapshotKey(TEST_BASE_URL))).toBeUndefined();
  });
});

function sameResponse(a: PreparedResponse, b: PreparedResponse): boolean {
  return (
    a.status === b.status &&
    JSON.stringify(a.headers) === JSON.stringify(b.headers) &&
    a.etag === b.etag &&
    (['identity', 'gzip', 'br'] as const).every((encoding) =>
      a.variants[encoding].equals(b.variants[encoding]),
    )
  );
}
