import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ContentProblem } from './problems';
import { nodeIdSchema } from './fields';
import type { ContentTree } from './tree';
import { readYamlFile } from './yaml-file';

/**
 * `content/redirects.yaml`: addresses that were shared once and must keep working after a slug
 * changed. Each line is an old path and where it leads now: a node id (followed to that page in
 * the old path's language, so it stays right whatever its slug becomes) or a path of the site.
 *
 *     /fr/representant-legal/ancien-slug/: rl-activate-quality
 */
export const REDIRECTS_FILE = 'redirects.yaml';

export interface RedirectEntry {
  from: string;
  /** A node id, or a path starting with `/`. */
  to: string;
  line: number;
}

export interface RedirectList {
  /** Relative to the project root, for messages. */
  file: string;
  entries: RedirectEntry[];
}

/** The one spelling the server redirects from: lower case, a language, a slash at the end. */
const OLD_PATH = /^\/([a-z]{2,3})\/(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)*$/;

const isPath = (to: string) => to.startsWith('/');

/** Reads the list and checks what needs no page addresses: how each line is written, and ids. */
export function readRedirects(
  root: string,
  contentDir: string,
  languages: readonly string[],
  nodeIds: ReadonlySet<string>,
  problems: ContentProblem[],
): RedirectList {
  const absolute = path.join(contentDir, REDIRECTS_FILE);
  const file = path.relative(root, absolute);
  if (!existsSync(absolute)) return { file, entries: [] };
  const yaml = readYamlFile(root, absolute, problems);
  if (!yaml || yaml.data === null || yaml.data === undefined) return { file, entries: [] };
  if (typeof yaml.data !== 'object' || Array.isArray(yaml.data)) {
    problems.push({ file, line: 1, message: 'expected lines of the form /fr/old-path/: node-id' });
    return { file, entries: [] };
  }
  const entries: RedirectEntry[] = [];
  for (const [from, to] of Object.entries(yaml.data as Record<string, unknown>)) {
    const line = yaml.lineOf([from]);
    const problem = (message: string) => problems.push({ file, line, message });
    const language = OLD_PATH.exec(from)?.[1];
    if (!language) {
      problem(
        `"${from}" must be written as the site writes addresses: /fr/old-slug/ (lower case, a slash at each end)`,
      );
    } else if (!languages.includes(language)) {
      problem(`"${from}": ${language} is not a language of the site`);
    }
    if (typeof to !== 'string' || !(isPath(to) || nodeIdSchema.safeParse(to).success)) {
      problem(`"${from}" must lead to a node id or to an address starting with /`);
    } else if (!isPath(to) && !nodeIds.has(to)) {
      problem(`"${from}" leads to "${to}", which is not a node id`);
    } else if (language) {
      entries.push({ from, to, line });
    }
  }
  return { file, entries };
}

/**
 * With every page's address known: an old path must not be a page's own (the page would win and
 * the line do nothing), and a path it leads to must be a page, not another old path (a chain, or
 * a loop back to itself). Returns every old path with the canonical path it now leads to.
 */
export function resolveRedirects(
  list: RedirectList,
  tree: Pick<ContentTree, 'nodes' | 'byId'>,
  reservedSlugs: ReadonlyMap<string, readonly string[]>,
  problems: ContentProblem[],
): Map<string, string> {
  const pages = new Map<string, string>();
  for (const node of tree.nodes) {
    for (const text of Object.values(node.text)) pages.set(text.path, node.id);
  }
  const entries = list.entries.filter(({ from, line }) => {
    const problem = (message: string) => problems.push({ file: list.file, line, message });
    const [language = '', first = ''] = from.split('/').filter(Boolean);
    const page = pages.get(from);
    if (page) problem(`"${from}" is the address of ${page}: a page is never redirected`);
    else if (reservedSlugs.get(language)?.includes(first)) {
      problem(`"${from}" is an address the site uses itself`);
    }
    return !page && !reservedSlugs.get(language)?.includes(first);
  });
  checkChains(list.file, entries, problems);
  const sources = new Set(entries.map((entry) => entry.from));
  const resolved = new Map<string, string>();
  for (const { from, to, line } of entries) {
    const language = from.split('/')[1] ?? '';
    const target = isPath(to) ? to : tree.byId.get(to)?.text[language]?.path;
    if (target && pages.has(target)) resolved.set(from, target);
    else if (!sources.has(to)) {
      const message = `"${from}" leads to "${to}", which is not the address of a page`;
      problems.push({ file: list.file, line, message });
    }
  }
  return resolved;
}

/** A redirect leads straight to a page: one to another old path is a chain, or a loop. */
function checkChains(file: string, entries: readonly RedirectEntry[], problems: ContentProblem[]) {
  const bySource = new Map(entries.map((entry) => [entry.from, entry]));
  for (const entry of entries) {
    const seen = [entry.from];
    let next = bySource.get(entry.to);
    while (next && !seen.includes(next.from)) {
      seen.push(next.from);
      next = bySource.get(next.to);
    }
    if (next) {
      const message = `redirect loop: ${[...seen, next.from].join(' → ')}`;
      problems.push({ file, line: entry.line, message });
    } else if (seen.length > 1) {
      const final = bySource.get(seen.at(-1) ?? '')?.to ?? '';
      const message = `redirect chain: ${seen.join(' → ')} → ${final}; lead "${entry.from}" straight to ${final}`;
      problems.push({ file, line: entry.line, message });
    }
  }
}
