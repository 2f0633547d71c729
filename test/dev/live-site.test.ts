import { load } from 'cheerio';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import pino from 'pino';
import { ContentError, formatProblems } from '../../src/content/problems';
import { launch, type RunningSite } from '../../src/launch';
import { loadSiteContent, PROJECT_ROOT } from '../../src/site/startup';
import { nodeById, pageCases, pathOf, testLaunchConfig } from '../helpers';
import { siteCopy, type SiteCopy } from '../site-copy';

/**
 * `npm run dev`: the server keeps running while an author edits content, templates and styles
 * in a copy of the site; each save rebuilds the site in the process, and broken content shows
 * its problems on every page until it is fixed.
 */

/** The dev log as the test reads it: the end of each build, built or not. */
function buildLog() {
  const waiting: ((message: string) => void)[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const { msg } = JSON.parse(chunk.toString()) as { msg: string };
      if (/: site built in \d+ ms|: the site cannot be built/.test(msg)) {
        for (const resolve of waiting.splice(0)) resolve(msg);
      }
      done();
    },
  });
  return {
    logger: pino({ level: 'info', base: undefined }, stream),
    /** The next build's log line; ask before the edit that starts it. */
    nextBuild: () => new Promise<string>((resolve) => waiting.push(resolve)),
  };
}

let copy: SiteCopy;
let running: RunningSite;
const log = buildLog();

beforeAll(async () => {
  copy = siteCopy();
  running = await launch(testLaunchConfig(), {
    paths: copy.paths,
    logger: log.logger,
    live: true,
  });
}, 30_000);

afterAll(async () => {
  await running.shutdown(100);
  copy.remove();
});

const get = (path: string) => fetch(`${running.url}${path}`);

const HOME = 'content/pages/home.yaml';
const home = pathOf(nodeById('home'), 'fr');

describe('npm run dev rebuilds the site in the running process', () => {
  it('serves an edited content file on the next request, without a restart', async () => {
    const before = await (await get(home)).text();
    const title = load(before)('h1').text();
    expect(title).toContain('Bienvenue');
    const built = log.nextBuild();
    copy.edit(HOME, (text) =>
      text.replace('title: Bienvenue dans', 'title: Bonjour et bienvenue dans'),
    );
    expect(await built).toMatch(/^content\/pages\/home\.yaml changed: site built in \d+ ms/);

    const after = await get(home);
    expect(after.status).toBe(200);
    const heading = load(await after.text())('h1').text();
    expect(heading).toBe(title.replace('Bienvenue dans', 'Bonjour et bienvenue dans'));
  });

  it('serves an edited template and stylesheet on the next request', async () => {
    let built = log.nextBuild();
    copy.edit('views/layout.njk', (text) =>
      text.replace('<footer class="site-footer">', '<footer class="site-footer" id="edited">'),
    );
    expect(await built).toMatch(/^views\/layout\.njk changed: site built/);
    const page = load(await (await get(home)).text());
    expect(page('footer#edited')).toHaveLength(1);

    const stylesheet = page('link[rel=stylesheet]').attr('href') ?? '';
    built = log.nextBuild();
    copy.edit('static/site.css', (text) => `${text}\n.edited-by-the-test { color: inherit; }\n`);
    expect(await built).toMatch(/^static\/site\.css changed: site built/);
    const restyled = load(await (await get(home)).text())('link[rel=stylesheet]').attr('href');
    expect(restyled).not.toBe(stylesheet);
    expect(await (await get(restyled ?? '')).text()).toContain('.edited-by-the-test');
  });
});

describe('npm run dev with broken content', () => {
  const ABOUT = 'content/pages/about.yaml';
  const TASK = 'content/profiles/legal-representative/rl-who.yaml';

  it('shows every problem as file:line on every page, then the site again once fixed', async () => {
    const originals = [ABOUT, TASK].map((file) => [file, copy.read(file)] as const);
    let built = log.nextBuild();
    copy.edit(ABOUT, (text) => text.replace(/slug: a-propos\n/, 'slug: À propos\n'));
    // Author text in a message: the page must show it, never run it.
    copy.edit(TASK, (text) => `${text}"<script>alert(1)</script>": oops\n`);
    expect(await built).toMatch(/the site cannot be built/);
    // The build that failed may have seen only the first save: wait for the one that saw both.
    let expected: string[] = [];
    try {
      loadSiteContent(copy.contentDir);
    } catch (error) {
      if (error instanceof ContentError) expected = formatProblems(error.problems).split('\n');
    }
    expect(expected.some((line) => line.startsWith(`${ABOUT}:`))).toBe(true);
    expect(expected.some((line) => line.includes('unknown key "<script>'))).toBe(true);
    while (!(await (await get(home)).text()).includes('unknown key')) await log.nextBuild();

    const addresses = ['/', ...pageCases.map(({ path }) => path), '/no-such-page/'];
    expect(addresses.length).toBeGreaterThan(pageCases.length);
    for (const address of addresses) {
      const response = await get(address);
      expect(response.status).toBe(500);
      const body = await response.text();
      expect(body).not.toContain('<script>');
      expect(
        load(body)('li code')
          .map((_index, element) => load(element).text())
          .get(),
      ).toEqual(expected);
    }

    built = log.nextBuild();
    for (const [file, text] of originals) copy.write(file, text);
    await built;
    while ((await get(home)).status !== 200) await log.nextBuild();
    for (const { path } of pageCases) expect((await get(path)).status).toBe(200);
  }, 60_000);
});

describe('npm run dev logs', () => {
  it('are written for people, with the build time', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts', '--live'], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        FEEDBACK_DB: ':memory:',
      },
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = once(child, 'exit');
    try {
      while (!output.includes('listening')) {
        const event = await Promise.race([once(child.stdout, 'data'), exited.then(() => 'exit')]);
        if (event === 'exit') throw new Error(`the dev server stopped:\n${output}`);
      }
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
    expect(output).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: start: site built in \d+ ms/m);
    expect(output.split('\n').filter((line) => line.startsWith('{'))).toEqual([]);
  }, 30_000);
});
