import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';

const ROOT = path.resolve(__dirname, '..');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * What any static host does with a folder: `/fr/x/` is `fr/x/index.html`, other paths are
 * their file, and a missing one gets its language's 404.html (or the root one).
 */
function staticHost(dir: string): Server {
  return createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
    const file = path.join(dir, urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath);
    if (file.startsWith(`${dir}${path.sep}`) && existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      });
      res.end(readFileSync(file));
      return;
    }
    const language = path.join(dir, urlPath.split('/')[1] ?? '', '404.html');
    const notFound = existsSync(language) ? language : path.join(dir, '404.html');
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    res.end(readFileSync(notFound));
  });
}

/**
 * The README's commands in its order, in a fresh copy of the project as a newcomer has it:
 * `npm run build` (which writes dist/, dist/site/ included), then `npm run export` with no
 * argument. The export's default folder must not be the build's, and what it writes must be
 * a site a static host can serve.
 */
describe('npm run build, then npm run export with no argument, in a fresh copy', () => {
  let root: string;
  let host: Server;
  let base: string;
  const runs: Record<string, { status: number | null; output: string }> = {};

  beforeAll(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'fresh-project-'));
    for (const item of [
      'package.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'src',
      'content',
      'views',
      'static',
    ]) {
      cpSync(path.join(ROOT, item), path.join(root, item), { recursive: true });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    // The defaults, as a newcomer has them: no BASE_URL, no FEEDBACK_URL.
    const env = { ...process.env };
    delete env.BASE_URL;
    delete env.FEEDBACK_URL;
    for (const script of ['build', 'export']) {
      const run = spawnSync('npm', ['run', script], { cwd: root, env, encoding: 'utf8' });
      runs[script] = { status: run.status, output: `${run.stdout}${run.stderr}` };
    }
    host = staticHost(path.join(root, 'export'));
    host.listen(0, '127.0.0.1');
    await once(host, 'listening');
    base = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  }, 180_000);

  afterAll(async () => {
    host.close();
    await once(host, 'close');
    rmSync(root, { recursive: true, force: true });
  });

  it('builds, then exports to export/, leaving the compiled dist/site/ alone', () => {
    expect(runs.build).toEqual({ status: 0, output: expect.any(String) as string });
    expect(runs.export).toEqual({
      status: 0,
      output: expect.stringContaining('to export/ for http://localhost:3000') as string,
    });
    expect(existsSync(path.join(root, 'dist', 'server.js'))).toBe(true);
    expect(existsSync(path.join(root, 'dist', 'site', 'site.js'))).toBe(true);
    expect(existsSync(path.join(root, 'export', 'sitemap.xml'))).toBe(true);
  });

  it('is served by a static host: /fr/, its stylesheet, a page it links to, and a 404', async () => {
    const home = await fetch(`${base}/fr/`);
    expect(home.status).toBe(200);
    const $ = load(await home.text());
    expect($('html').attr('lang')).toMatch(/^fr\b/);

    const stylesheet = $('link[rel="stylesheet"]').attr('href') ?? '';
    expect(stylesheet).toMatch(/^\/assets\//);
    const css = await fetch(`${base}${stylesheet}`);
    expect({ status: css.status, type: css.headers.get('content-type') }).toEqual({
      status: 200,
      type: TYPES['.css'],
    });

    const link = $('main a[href^="/fr/"]').first().attr('href') ?? '';
    expect(link).not.toBe('');
    const page = await fetch(`${base}${link}`);
    expect({ link, status: page.status }).toEqual({ link, status: 200 });

    const missing = await fetch(`${base}/fr/no-such-page/`);
    expect(missing.status).toBe(404);
    expect(load(await missing.text())('html').attr('lang')).toMatch(/^fr\b/);
  });
});
