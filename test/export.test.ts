import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createApp } from '../src/app';
import { exportedFiles, fileFor, prepareExport, writeExport } from '../src/export';
import { html, raw, silentLogger, TEST_BASE_URL, testApp, testFeedbackDesk } from './helpers';

/** Where a running server takes the feedback of a static export. */
const FEEDBACK_URL = 'https://feedback.roles.example.be/feedback';

function filesIn(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true })
    .map((name) => `/${String(name)}`)
    .filter((name) => !/\.(gz|br)$/.test(name) && /\.\w+$/.test(name));
}

describe.each([
  { feedback: FEEDBACK_URL, name: 'with FEEDBACK_URL set' },
  { feedback: undefined, name: 'without FEEDBACK_URL' },
])('static export $name', ({ feedback }) => {
  let outDir: string;
  let files: string[];
  let exported: Awaited<ReturnType<typeof prepareExport>>;

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'export-'));
    exported = await prepareExport({ BASE_URL: TEST_BASE_URL, FEEDBACK_URL: feedback });
    writeExport(exported.site, exported.assets, outDir);
    files = filesIn(outDir);
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('holds every page the server serves, in every language', async () => {
    const { site } = await testApp();
    for (const urlPath of site.pages.keys()) expect(files).toContain(fileFor(urlPath));
  });

  it('is byte for byte what a server built the same way sends', async () => {
    const { site, assets } = exported;
    const app = createApp({ site, assets, logger: silentLogger, feedback: testFeedbackDesk() });
    const expected = exportedFiles(site, assets);
    expect(files.sort()).toEqual([...expected.keys()].map(fileFor).sort());
    for (const [urlPath, response] of expected) {
      const onDisk = readFileSync(path.join(outDir, fileFor(urlPath)));
      if (response.status === 200) {
        const served = await raw(urlPath, { 'accept-encoding': 'identity' }, app);
        expect(onDisk.equals(served.body)).toBe(true);
      }
      expect(onDisk.equals(response.variants.identity)).toBe(true);
      const gz = readFileSync(path.join(outDir, `${fileFor(urlPath)}.gz`));
      expect(gunzipSync(gz).equals(onDisk)).toBe(true);
    }
  });

  it('differs from the server’s own pages only in the feedback forms', async () => {
    const { site } = await testApp();
    const formsOfExport = feedback ? `action="${feedback}"` : '';
    let withForms = 0;
    for (const urlPath of site.pages.keys()) {
      const own = (await raw(urlPath, { 'accept-encoding': 'identity' })).body.toString('utf8');
      const onDisk = readFileSync(path.join(outDir, fileFor(urlPath)), 'utf8');
      if (!own.includes('action="/feedback"')) {
        expect(onDisk).toBe(own);
        continue;
      }
      withForms += 1;
      if (feedback) {
        expect(onDisk).toBe(own.replaceAll('action="/feedback"', formsOfExport));
      } else {
        const $ = html(onDisk);
        const server$ = html(own);
        expect($('form[method="post"], .feedback')).toHaveLength(0);
        server$('.feedback').remove();
        const main = (page: typeof $) => page('main').html()?.trimEnd();
        expect(main($)).toBe(main(server$));
      }
    }
    expect(withForms).toBeGreaterThan(site.tree.nodes.length);
  });

  it('has a 404 page for each language and one for the rest', async () => {
    const { site } = await testApp();
    expect(files).toContain('/404.html');
    for (const language of site.tree.languages) {
      const page = readFileSync(path.join(outDir, language.code, '404.html'), 'utf8');
      expect(page).toContain(`<html lang="${language.tag}">`);
    }
  });
});
