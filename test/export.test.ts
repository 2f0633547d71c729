import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import type { RequestListener } from 'node:http';
import { createApp } from '../src/app';
import { prepareExport } from '../src/cli/export';
import { PROJECT_ROOT } from '../src/site/startup';
import { html, raw, silentLogger, TEST_BASE_URL, testFeedbackDesk, tree } from './helpers';

/** Where a running server takes the feedback of a static export. */
const FEEDBACK_URL = 'https://feedback.roles.example.be/feedback';

/** What a static host does with a file: the URL that serves it, as the server answers it. */
interface ExportedFile {
  /** Relative to the export folder: `fr/representant-legal/index.html`. */
  file: string;
  /** What to ask the server for the same bytes. */
  url: string;
  status: number;
}

// A path no page has: the server answers it with the 404 page a static host serves instead.
const UNKNOWN = 'no-such-page/';

/**
 * Every file the export should hold, found by asking the server as a visitor would: the pages
 * its sitemap lists, the sitemap and robots.txt, every asset those pages link, and a 404 page
 * per language plus one for the rest.
 */
async function filesTheServerServes(app: RequestListener): Promise<ExportedFile[]> {
  const sitemap = load((await raw('/sitemap.xml', {}, app)).body.toString(), { xml: true });
  const pages = sitemap('url > loc')
    .map((_, loc) => sitemap(loc).text().slice(TEST_BASE_URL.length))
    .get();
  const assets = new Set<string>();
  // The feed each page names in its head, as a feed reader finds it.
  const feeds = new Set<string>();
  for (const page of pages) {
    const $ = html((await raw(page, {}, app)).body.toString());
    $('link[href^="/assets/"]').each((_, link) => void assets.add($(link).attr('href') ?? ''));
    $('link[rel="alternate"][type="application/atom+xml"]').each(
      (_, link) => void feeds.add($(link).attr('href') ?? ''),
    );
  }
  return [
    ...pages.map((url) => ({ file: `${url.slice(1)}index.html`, url, status: 200 })),
    ...['/sitemap.xml', '/robots.txt', ...assets, ...feeds].map((url) => ({
      file: url.slice(1),
      url,
      status: 200,
    })),
    { file: '404.html', url: `/${UNKNOWN}`, status: 404 },
    ...tree.languages.map(({ code }) => ({
      file: `${code}/404.html`,
      url: `/${code}/${UNKNOWN}`,
      status: 404,
    })),
  ];
}

// Each encoding a static host serves, the file that holds it, and how to read it back.
const ENCODINGS = [
  { accept: 'identity', suffix: '', sent: undefined, decode: (body: Buffer) => body },
  { accept: 'gzip', suffix: '.gz', sent: 'gzip', decode: gunzipSync },
  { accept: 'br', suffix: '.br', sent: 'br', decode: brotliDecompressSync },
] as const;

/**
 * The export is byte for byte what a server built the same way sends: with FEEDBACK_URL, its
 * forms post there; without it, the pages have no forms. Either way it is compared, file by
 * file and encoding by encoding, with real HTTP answers of such a server.
 */
describe.each([
  { feedback: FEEDBACK_URL, name: 'with FEEDBACK_URL set' },
  { feedback: undefined, name: 'without FEEDBACK_URL' },
])('static export (npm run export) $name', ({ feedback }) => {
  let outDir: string;
  let onDisk: string[];
  let expected: ExportedFile[];
  let app: RequestListener;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'export-'));
    // The real command, as a person deploying runs it.
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', outDir], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, BASE_URL: TEST_BASE_URL, FEEDBACK_URL: feedback ?? '' },
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`npm run export failed: ${run.stderr}`);
    onDisk = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))
      .sort();
    const { site, assets } = await prepareExport({
      BASE_URL: TEST_BASE_URL,
      FEEDBACK_URL: feedback,
    });
    app = createApp({ site, assets, logger: silentLogger, feedback: testFeedbackDesk() });
    expected = await filesTheServerServes(app);
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('holds every file the server serves, each with its .gz and .br, and nothing else', () => {
    // Every page of every language, the language choice, and the three 404 pages at least.
    expect(expected.length).toBeGreaterThanOrEqual(
      tree.nodes.length * tree.languages.length + 1 + tree.languages.length + 1,
    );
    const withEncodings = expected.flatMap(({ file }) =>
      ENCODINGS.map(({ suffix }) => `${file}${suffix}`),
    );
    expect(onDisk).toEqual(withEncodings.sort());
  });

  it('has a 404 page for each language and one for the rest', () => {
    expect(onDisk).toContain('404.html');
    for (const language of tree.languages) {
      const page = readFileSync(path.join(outDir, language.code, '404.html'), 'utf8');
      expect(page).toContain(`<html lang="${language.tag}">`);
    }
  });

  it('is byte for byte what the server sends, in every encoding', async () => {
    expect(expected.length).toBeGreaterThan(0);
    for (const { file, url, status } of expected) {
      const identity = readFileSync(path.join(outDir, file));
      for (const { accept, suffix, sent, decode } of ENCODINGS) {
        const served = await raw(url, { 'accept-encoding': accept }, app);
        const exported = readFileSync(path.join(outDir, `${file}${suffix}`));
        expect({
          url,
          accept,
          status: served.status,
          encoding: served.headers['content-encoding'],
        }).toEqual({ url, accept, status, encoding: sent });
        expect({ file: `${file}${suffix}`, same: exported.equals(served.body) }).toEqual({
          file: `${file}${suffix}`,
          same: true,
        });
        expect({ file: `${file}${suffix}`, decoded: decode(exported).equals(identity) }).toEqual({
          file: `${file}${suffix}`,
          decoded: true,
        });
      }
    }
  });

  it("differs from the server's own pages only in the feedback forms", async () => {
    let withForms = 0;
    for (const { file, url } of expected.filter((entry) => entry.file.endsWith('.html'))) {
      const own = (await raw(url, { 'accept-encoding': 'identity' })).body.toString('utf8');
      const exported = readFileSync(path.join(outDir, file), 'utf8');
      if (!own.includes('action="/feedback"')) {
        expect(exported).toBe(own);
        continue;
      }
      withForms += 1;
      if (feedback) {
        expect(exported).toBe(own.replaceAll('action="/feedback"', `action="${feedback}"`));
      } else {
        const $ = html(exported);
        const server$ = html(own);
        expect($('form[method="post"], .feedback')).toHaveLength(0);
        server$('.feedback').remove();
        const main = (page: typeof $) => page('main').html()?.trimEnd();
        expect(main($)).toBe(main(server$));
      }
    }
    expect(withForms).toBeGreaterThan(tree.nodes.length);
  });
});
