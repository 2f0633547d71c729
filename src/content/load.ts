import path from 'node:path';
import { readLocales, type Messages } from './locales';
import { ContentError, type ContentProblem } from './problems';
import { readRedirects, resolveRedirects } from './redirects';
import { readDataFile } from './data-files';
import { findNodeFiles } from './node-files';
import { readSourceNode, type SourceNode } from './source';
import { readSearchSettings, type SearchSettings } from './search-settings';
import { buildTree, type ContentTree, type Language, type LinkLabels } from './tree';
import { validateGraph, type BrokenNode } from './validate';

export interface LoadOptions {
  /** Folder holding pages/, profiles/ and locales/. */
  contentDir: string;
  /** Folder that file names in messages are relative to (the project root). */
  root?: string;
  /** First path segments the site itself uses, per language; no page may take them. */
  reservedSlugs?: (messages: Messages) => readonly string[];
  /** Nodes the templates link to on every page. */
  requiredNodeIds?: readonly string[];
  /** Today, YYYY-MM-DD, for the checks of dates; the clock's by default. */
  today?: string;
  /**
   * Whether to run the checks that only warn an author: whether each page explains the
   * glossary's words. Yes by default; a server start skips them, it would throw their findings
   * away.
   */
  authorChecks?: boolean;
}

export interface LoadedContent {
  tree: ContentTree;
  /** Namespaces of the interface strings, the same in every language. */
  namespaces: string[];
  search: SearchSettings;
  /** What the author should look at, though the site can be served. */
  warnings: ContentProblem[];
}

function readNodes(
  root: string,
  contentDir: string,
  languages: string[],
  problems: ContentProblem[],
) {
  const nodes = new Map<string, SourceNode>();
  const broken = new Map<string, BrokenNode>();
  for (const { file, kind, folderOwner } of findNodeFiles(contentDir, problems, root)) {
    const node = readSourceNode(root, file, kind, languages, problems, folderOwner);
    if (!node) {
      broken.set(path.basename(file, '.yaml'), { kind, folderOwner });
      continue;
    }
    const other = nodes.get(node.id);
    if (other) {
      problems.push({
        file: node.file,
        line: 1,
        message: `node id "${node.id}" is also ${other.file}`,
      });
    }
    nodes.set(node.id, node);
  }
  return { nodes, broken };
}

function languageOf(code: string, messages: Messages): Language {
  const meta = (messages.language ?? {}) as Record<string, string>;
  return { code, tag: meta.tag ?? code, name: meta.name ?? code, ogLocale: meta.ogLocale ?? code };
}

function throwErrors(problems: readonly ContentProblem[]): void {
  const errors = problems.filter((problem) => problem.severity !== 'warning');
  if (errors.length > 0) throw new ContentError(errors);
}

/**
 * Reads, validates and builds the whole content tree. Throws a ContentError listing every
 * problem when anything is wrong: nothing half-loaded is ever returned.
 */
export function loadContent(options: LoadOptions): LoadedContent {
  const contentDir = path.resolve(options.contentDir);
  const root = path.resolve(options.root ?? path.dirname(contentDir));
  const problems: ContentProblem[] = [];

  const locales = readLocales(root, contentDir, problems);
  if (locales.languages.length === 0) {
    const file = path.relative(root, path.join(contentDir, 'locales'));
    throw new ContentError([{ file, line: 1, message: 'no language folder (e.g. locales/fr/)' }]);
  }
  const common = (code: string): Messages => locales.messages[code]?.common ?? {};
  const reservedSlugs = new Map(
    locales.languages.map((code) => [code, options.reservedSlugs?.(common(code)) ?? []]),
  );

  const { nodes: sources, broken } = readNodes(root, contentDir, locales.languages, problems);
  const styles = Object.fromEntries(
    locales.languages.map((code) => {
      const meta = (common(code).language ?? {}) as Record<string, string>;
      return [code, { quotes: meta.quotes ?? '' }];
    }),
  );
  const glossary = readDataFile('glossary', root, contentDir, locales.languages, problems);
  const hosts = readDataFile('officialHosts', root, contentDir, locales.languages, problems);
  validateGraph({
    glossary: glossary?.value ?? {},
    glossaryFile: glossary?.yaml,
    officialHosts: new Set(hosts?.value ?? []),
    today: options.today ?? new Date().toISOString().slice(0, 10),
    authorChecks: options.authorChecks ?? true,
    styles,
    nodes: sources,
    broken,
    languages: locales.languages,
    reservedSlugs,
    requiredIds: options.requiredNodeIds ?? ['home'],
    problems,
  });
  const search = readSearchSettings(root, contentDir, locales.languages, problems);
  const nodeIds = new Set([...sources.keys(), ...broken.keys()]);
  const redirectList = readRedirects(root, contentDir, locales.languages, nodeIds, problems);
  throwErrors(problems);

  const languages = locales.languages.map((code) => languageOf(code, common(code)));
  const linkLabels = Object.fromEntries(
    locales.languages.map((code): [string, LinkLabels] => {
      const labels = (common(code).link ?? {}) as {
        external?: string;
        inLanguage?: Record<string, string>;
      };
      return [code, { external: labels.external ?? '', inLanguage: labels.inLanguage ?? {} }];
    }),
  );
  const tree = buildTree(sources, languages, linkLabels, glossary?.value);
  // Whether an old path is a page's, or leads to one, is known once every page has its path.
  const redirects = resolveRedirects(redirectList, tree, reservedSlugs, problems);
  throwErrors(problems);
  return {
    tree: { ...tree, redirects },
    namespaces: locales.namespaces,
    search,
    warnings: problems.filter((problem) => problem.severity === 'warning'),
  };
}
