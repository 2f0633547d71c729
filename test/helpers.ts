import { load, type CheerioAPI } from 'cheerio';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import {
  createServer,
  get,
  type IncomingMessage,
  type RequestListener,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { parse } from 'yaml';
import { createApp } from '../src/app';
import { readConfig } from '../src/config';
import { isNodeReference } from '../src/content/links';
import { inspectMarkdown } from '../src/content/markdown';
import type { SearchSettings } from '../src/content/search-settings';
import { MARKDOWN_FIELDS } from '../src/content/source';
import { createFeedbackDesk, type FeedbackDesk } from '../src/feedback/desk';
import { openFeedbackStore } from '../src/feedback/open-store';
import type { LaunchConfig } from '../src/launch';
import type { ContentNode, ContentTree, Language } from '../src/content/tree';
import { FEEDBACK_PATH } from '../src/site/feedback-form';
import type { Site } from '../src/site/site';
import {
  DEFAULT_PATHS,
  loadSiteContent,
  PROJECT_ROOT,
  prepareSite,
  type PreparedSite,
} from '../src/site/startup';
import { oncePerWorker } from './once-per-worker';

/** Read once per jest worker (test/once-per-worker.ts): every test file tables over it. */
const content = oncePerWorker('content', () => loadSiteContent(DEFAULT_PATHS.contentDir));

/** The real content tree, read synchronously so tests can be tabled over it. */
export const tree: ContentTree = content.tree;

/** The real search settings (`content/search.yaml`): synonyms and ignored words per language. */
export const searchSettings: SearchSettings = content.search;

export interface PageCase {
  node: ContentNode;
  language: Language;
  path: string;
  /** For test names: `fr rl-register`. */
  name: string;
}

/** One row per page per language: new content is tested without touching the tests. */
export const pageCases: PageCase[] = tree.languages.flatMap((language) =>
  tree.nodes.map((node) => ({
    node,
    language,
    path: pathOf(node, language),
    name: `${language.code} ${node.id}`,
  })),
);

export function pathOf(node: ContentNode, language: Language | string): string {
  const code = typeof language === 'string' ? language : language.code;
  const text = node.text[code];
  if (!text) throw new Error(`${node.id} has no ${code} text`);
  return text.path;
}

/**
 * The external links an author wrote for a node, read from its YAML file on disk rather than
 * from the rendered tree, so a test can tell how many a page must show: those of its Markdown
 * (notice, body, note, history lines), its sources, and on the glossary page, its entries'.
 */
export function externalLinksInSource(node: ContentNode, code: string): string[] {
  interface Written {
    history?: { change: string }[];
    sources?: { url: string }[];
    definition?: string;
  }
  const read = (file: string) =>
    parse(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) as unknown;
  const source = read(node.file) as Record<string, (Written & Record<string, unknown>) | undefined>;
  const text = source[code];
  const markdown = [
    ...MARKDOWN_FIELDS.map((field) => String(text?.[field] ?? '')),
    ...(text?.history ?? []).map((entry) => entry.change),
  ];
  // A page lists each official page once, with every sentence it relies on under it.
  const urlsOf = (sources: { url: string }[] = []) => [...new Set(sources.map((cite) => cite.url))];
  const cited = urlsOf(text?.sources);
  if (node.id === 'glossary') {
    const glossary = read('content/glossary.yaml') as Record<string, Record<string, Written>>;
    for (const entry of Object.values(glossary)) {
      markdown.push(entry[code]?.definition ?? '');
      cited.push(...urlsOf(entry[code]?.sources));
    }
  }
  return [
    ...markdown.flatMap((written) =>
      inspectMarkdown(written)
        .links.map((link) => link.href)
        .filter((href) => !isNodeReference(href)),
    ),
    ...cited,
  ];
}

export function nodeById(id: string): ContentNode {
  const node = tree.byId.get(id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
}

/** A public address unlike the test server's own, so tests can tell where URLs come from. */
export const TEST_BASE_URL = 'https://roles.example.be';

/** Tests read responses, not logs. */
export const silentLogger = pino({ level: 'silent' });

/** Feedback kept by a real SQLite database, in memory: nothing is left on disk. */
export function testFeedbackDesk(): FeedbackDesk {
  const reportFailure = () => undefined;
  return createFeedbackDesk({
    store: openFeedbackStore({ FEEDBACK_DB: ':memory:' }, reportFailure),
    reportFailure,
    rateLimit: true,
  });
}

/** The server's configuration for tests: a free port on loopback, silent, feedback in memory. */
export function testLaunchConfig(overrides: Partial<LaunchConfig> = {}): LaunchConfig {
  return {
    ...readConfig({}),
    PORT: 0,
    HOST: '127.0.0.1',
    BASE_URL: TEST_BASE_URL,
    LOG_LEVEL: 'silent',
    FEEDBACK_DB: ':memory:',
    ...overrides,
  };
}

/**
 * The real site, built as the server builds it but with the quick compression of the live
 * site, once per jest worker (test/once-per-worker.ts) rather than once per test file. The
 * production compression is tested where it matters: the static export (test/export.test.ts)
 * and the built server's processes.
 */
export function testSite(): Promise<PreparedSite> {
  return oncePerWorker('site', () =>
    prepareSite(TEST_BASE_URL, DEFAULT_PATHS, FEEDBACK_PATH, 'quick'),
  );
}

let prepared: Promise<{ site: Site; app: RequestListener }> | undefined;

/** The app over that site, made once per test file, with feedback of its own in memory. */
export function testApp(): Promise<{ site: Site; app: RequestListener }> {
  prepared ??= testSite().then(({ site, assets }) => ({
    site,
    app: createApp({ site, assets, logger: silentLogger, feedback: testFeedbackDesk() }),
  }));
  return prepared;
}

/**
 * A page as a DOM to query, read by htmlparser2 in its HTML mode rather than by parse5, which
 * builds the tree as a browser does, error recovery and all, and takes twice as long. The pages
 * are valid HTML (test/html-validity.test.ts) that writes out what a browser would otherwise
 * imply (the matrix's tbody), which both parsers read alike: every test passes with either.
 */
export function html(text: string): CheerioAPI {
  return load(text, { xml: { xmlMode: false, decodeEntities: true } });
}

export interface FetchedPage {
  status: number;
  contentType: string;
  $: CheerioAPI;
}

const fetchedPages = new Map<string, Promise<FetchedPage>>();

/**
 * A page of the test app, asked for and parsed once per test file: the site's pages are bytes
 * prepared at start, so tests that read the same page (its own checks, the language switch
 * of its neighbours, the titles of the whole site) share one copy. Read it, never change it.
 */
export function fetchedPage(path: string): Promise<FetchedPage> {
  let page = fetchedPages.get(path);
  if (!page) {
    page = raw(path, {}).then(({ status, headers, body }) => ({
      status: status ?? 0,
      contentType: headers['content-type'] ?? '',
      $: html(body.toString('utf8')),
    }));
    fetchedPages.set(path, page);
  }
  return page;
}

/** supertest decodes bodies; this keeps the bytes as they were sent (by `app`, or the test app's). */
export async function raw(path: string, headers: Record<string, string>, app?: RequestListener) {
  app ??= (await testApp()).app;
  const port = await listening(app);
  const response = await new Promise<IncomingMessage>((resolve, reject) =>
    get({ host: '127.0.0.1', port, path, headers }, resolve).on('error', reject),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of response) chunks.push(chunk as Buffer);
  return { status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) };
}

/** One server per app, on loopback, for the test file: `raw` asks thousands of pages. */
const servers = new Map<RequestListener, { server: Server; port: Promise<number> }>();

function listening(app: RequestListener): Promise<number> {
  let running = servers.get(app);
  if (!running) {
    const server = createServer(app).listen(0, '127.0.0.1');
    const port = once(server, 'listening').then(() => (server.address() as AddressInfo).port);
    running = { server, port };
    servers.set(app, running);
  }
  return running.port;
}

afterAll(async () => {
  await Promise.all(
    [...servers.values()].map(({ server }) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
  servers.clear();
});

/** A language's interface strings, read from its file as an author wrote them. */
export function interfaceString(code: string, key: string): string {
  const file = path.join(DEFAULT_PATHS.contentDir, 'locales', code, 'common.json');
  let value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of key.split('.')) value = (value as Record<string, unknown>)[part];
  if (typeof value !== 'string') throw new Error(`no string ${key} in ${file}`);
  return value;
}

/**
 * What a node's verdict says in a language, worked out from the content and the locale file
 * (« Non : seul le RAE peut le faire. »), or undefined for a node without one.
 */
export function verdictText(
  node: ContentNode,
  code: string,
  form: 'sentence' | 'short' = 'sentence',
): string | undefined {
  if (!node.verdict) return undefined;
  const key =
    form === 'short' ? `verdict.short.${node.verdict.kind}` : `verdict.${node.verdict.kind}`;
  const language = tree.languages.find((candidate) => candidate.code === code);
  const names = node.verdict.who.map((profile) => profile.text[code]?.withArticle ?? '');
  const who = new Intl.ListFormat(language?.tag, { type: 'disjunction' }).format(names);
  return interfaceString(code, key).replace('{{who}}', who);
}
