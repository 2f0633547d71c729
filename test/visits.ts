import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GENERATED_PAGES } from '../src/site/layout';
import { DEFAULT_PATHS } from '../src/site/startup';
import { pageCases, tree } from './helpers';

/** A URL to open directly (everywhere except the no-JavaScript walk, which clicks). */
export interface Visit {
  /** For test names and screenshot files: `fr rl-register`, `fr 404`. */
  name: string;
  path: string;
  status: number;
}

/** Where a page the site generates itself (search, matrix) lives: its slug is an interface string. */
export function generatedPath(page: (typeof GENERATED_PAGES)[number], code: string): string {
  const file = path.join(DEFAULT_PATHS.contentDir, 'locales', code, 'common.json');
  const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { slug?: string }>;
  return `/${code}/${strings[page]?.slug ?? page}/`;
}

/** The feedback pages about the first task: its comment form and its thank-you page. */
export function feedbackPaths(code: string): { comment: string; thanks: string } {
  const file = path.join(DEFAULT_PATHS.contentDir, 'locales', code, 'common.json');
  const { feedback } = JSON.parse(readFileSync(file, 'utf8')) as {
    feedback: { slug: string; thanksSlug: string };
  };
  const task = tree.nodes.find((node) => node.kind === 'task');
  const query = `?page=${task?.id ?? ''}`;
  return {
    comment: `/${code}/${feedback.slug}/${query}`,
    thanks: `/${code}/${feedback.slug}/${feedback.thanksSlug}/${query}`,
  };
}

/** A search a reader would make: the title of the first task answer. */
export function sampleQuery(code: string): string {
  const task = tree.nodes.find((node) => node.kind === 'task');
  return task?.text[code]?.title ?? '';
}

/**
 * Every page of every language (content pages, then the generated ones, the search page with
 * and without results, the feedback form and thank-you pages), the language choice at `/`,
 * and the 404 pages.
 */
export const visits: Visit[] = [
  { name: 'root', path: '/', status: 200 },
  ...pageCases.map(({ name, path }) => ({ name, path, status: 200 })),
  ...tree.languages.flatMap(({ code }) => {
    const search = generatedPath('search', code);
    return [
      ...GENERATED_PAGES.map((page) => ({
        name: `${code} ${page}`,
        path: generatedPath(page, code),
        status: 200,
      })),
      {
        name: `${code} search results`,
        path: `${search}?q=${encodeURIComponent(sampleQuery(code))}`,
        status: 200,
      },
      { name: `${code} search without results`, path: `${search}?q=zzzzzz`, status: 200 },
      { name: `${code} feedback form`, path: feedbackPaths(code).comment, status: 200 },
      { name: `${code} feedback thanks`, path: feedbackPaths(code).thanks, status: 200 },
    ];
  }),
  ...tree.languages.map(({ code }) => ({
    name: `${code} 404`,
    path: `/${code}/no-such-page/`,
    status: 404,
  })),
  { name: 'unknown-language 404', path: '/xx/no-such-page/', status: 404 },
];
