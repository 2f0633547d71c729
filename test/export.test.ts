import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { exportedFiles, fileFor, writeExport } from '../src/export';
import { prepareSite } from '../src/startup';
import { raw, TEST_BASE_URL, testApp } from './helpers';

describe('static export', () => {
  let outDir: string;
  let files: string[];

  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'export-'));
    const { site, assets } = await prepareSite(TEST_BASE_URL);
    writeExport(site, assets, outDir);
    files = readdirSync(outDir, { recursive: true })
      .map((name) => `/${String(name)}`)
      .filter((name) => !/\.(gz|br)$/.test(name) && /\.\w+$/.test(name));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('holds every page the server serves, in every language', async () => {
    const { site } = await testApp();
    for (const urlPath of site.pages.keys()) expect(files).toContain(fileFor(urlPath));
  });

  it('is byte for byte what the server sends', async () => {
    const { site } = await testApp();
    const { assets } = await prepareSite(TEST_BASE_URL);
    const expected = exportedFiles(site, assets);
    expect(files.sort()).toEqual([...expected.keys()].map(fileFor).sort());
    for (const [urlPath, response] of expected) {
      const onDisk = readFileSync(path.join(outDir, fileFor(urlPath)));
      if (response.status === 200) {
        const served = await raw(urlPath, { 'accept-encoding': 'identity' });
        expect(onDisk.equals(served.body)).toBe(true);
      }
      expect(onDisk.equals(response.variants.identity)).toBe(true);
      const gz = readFileSync(path.join(outDir, `${fileFor(urlPath)}.gz`));
      expect(gunzipSync(gz).equals(onDisk)).toBe(true);
    }
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
