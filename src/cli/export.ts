/**
 * `npm run export`: the whole site as files for any static host or CDN, byte for byte what
 * the server sends, with .gz and .br beside each file for hosts that serve them as they are.
 * A static host cannot take feedback: the pages' forms post to FEEDBACK_URL (a running
 * server's endpoint) when it is set, and are left out when it is not.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readConfig, type Config } from '../config';
import type { PreparedResponse } from '../lib/prepared';
import { prepareAssets, type Assets } from '../site/assets';
import type { Site } from '../site/site';
import { DEFAULT_PATHS, PROJECT_ROOT, prepareSite } from '../site/startup';

/**
 * `export/` at the project root, beside dist/ and never inside it: dist/ is the compiler's
 * (`npm run build` writes src/site/ to dist/site/, the folder the export used to default to),
 * so whatever the compiler writes one day, the export's folder cannot be among it.
 */
export const EXPORT_DIR = path.join(PROJECT_ROOT, 'export');

/** `/fr/representant-legal/` is `fr/representant-legal/index.html`; other paths keep their name. */
export function fileFor(urlPath: string): string {
  return urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
}

/** Every file of the export, by its URL path, with the response it holds. */
export function exportedFiles(site: Site, assets: Assets): Map<string, PreparedResponse> {
  const files = new Map<string, PreparedResponse>([...site.pages, ...prepareAssets(assets)]);
  // Static hosts answer unknown paths with a 404 file: one per language, and one for the rest.
  files.set('/404.html', site.errorPage('notFound'));
  for (const language of site.tree.languages) {
    files.set(`/${language.code}/404.html`, site.errorPage('notFound', language.code));
  }
  return files;
}

export function writeExport(site: Site, assets: Assets, outDir: string): number {
  rmSync(outDir, { recursive: true, force: true });
  const files = exportedFiles(site, assets);
  for (const [urlPath, response] of files) {
    const file = path.join(outDir, fileFor(urlPath));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, response.variants.identity);
    writeFileSync(`${file}.gz`, response.variants.gzip);
    writeFileSync(`${file}.br`, response.variants.br);
  }
  return files.size;
}

/** The site as the export renders it: forms post to FEEDBACK_URL, or are left out without it. */
export function prepareExport(config: Pick<Config, 'BASE_URL' | 'FEEDBACK_URL'>) {
  return prepareSite(config.BASE_URL, DEFAULT_PATHS, config.FEEDBACK_URL ?? null);
}

/** `npm run export -- <dir>` writes elsewhere than export/ (the tests export to a temp dir). */
async function main(outDir = EXPORT_DIR): Promise<void> {
  // The export replaces its folder: never one that holds something other than an earlier export.
  if (
    existsSync(outDir) &&
    readdirSync(outDir).length > 0 &&
    !existsSync(`${outDir}/sitemap.xml`)
  ) {
    throw new Error(`${outDir} is not empty and holds no earlier export: not replacing it`);
  }
  const config = readConfig();
  const feedback = config.FEEDBACK_URL;
  const { site, assets } = await prepareExport(config);
  const count = writeExport(site, assets, outDir);
  console.log(
    `Exported ${count} files (and their .gz and .br) to ${path.relative(process.cwd(), outDir)}/ for ${config.BASE_URL}`,
  );
  console.log(
    feedback
      ? `Feedback forms post to ${feedback}.`
      : 'No feedback forms: set FEEDBACK_URL to a running server’s endpoint to have them.',
  );
}

if (require.main === module) {
  main(process.argv[2] ? path.resolve(process.argv[2]) : undefined).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
