import path from 'node:path';
import type { LinkVerdict } from '../lib/link-check';
import { readDataFile } from './data-files';
import { isNodeReference } from './links';
import { discoverLanguages } from './locales';
import { inspectMarkdown } from './markdown';
import { findNodeFiles } from './node-files';
import type { ContentProblem } from './problems';
import { markdownTexts, readSourceNode } from './source';
import type { KeyPath } from './yaml-file';

/** An address to an outside page, and where the content names it. */
export interface LinkPlace {
  url: string;
  file: string;
  line: number;
}

interface Located {
  file: string;
  lineOf(keyPath: KeyPath): number;
  lineInText(keyPath: KeyPath, offset: number): number;
}

/** The outside links of a Markdown text, each at its own line. */
function linksIn(source: string, keyPath: KeyPath, where: Located): LinkPlace[] {
  return inspectMarkdown(source)
    .links.filter((link) => !isNodeReference(link.href))
    .map((link) => ({
      url: link.href,
      file: where.file,
      line: where.lineInText(keyPath, link.line),
    }));
}

/**
 * Every outside address the content names (links in texts, sources, the glossary), with its
 * file and line. Files that do not pass the content check are left out: run it first.
 */
export function externalLinkPlaces(
  contentDir: string,
  root = path.dirname(contentDir),
): LinkPlace[] {
  const languages = discoverLanguages(contentDir);
  const ignored: ContentProblem[] = [];
  const places: LinkPlace[] = [];
  for (const { file, kind, folderOwner } of findNodeFiles(contentDir, ignored, root)) {
    const node = readSourceNode(root, file, kind, languages, ignored, folderOwner);
    if (!node) continue;
    for (const language of languages) {
      for (const { keyPath, source } of markdownTexts(node, language)) {
        places.push(...linksIn(source, keyPath, node));
      }
      node.text[language]?.sources?.forEach((source, index) => {
        const line = node.lineOf([language, 'sources', index, 'url']);
        places.push({ url: source.url, file: node.file, line });
      });
    }
  }
  const glossary = readDataFile('glossary', root, contentDir, languages, ignored);
  if (glossary) {
    const { yaml } = glossary;
    for (const [id, texts] of Object.entries(glossary.value)) {
      for (const [language, text] of Object.entries(texts)) {
        places.push(...linksIn(text.definition, [id, language, 'definition'], yaml));
        text.sources?.forEach((source, index) => {
          const line = yaml.lineOf([id, language, 'sources', index, 'url']);
          places.push({ url: source.url, file: yaml.file, line });
        });
      }
    }
  }
  return places;
}

/** What an editor reads about an address that needs a look; nothing for one that answers. */
export function describeVerdict(verdict: LinkVerdict): string | undefined {
  switch (verdict.kind) {
    case 'ok':
      return undefined;
    case 'redirect':
      return `redirects (${verdict.status}) to ${verdict.location || 'an address it does not give'}`;
    case 'broken':
      return `answers ${verdict.status}`;
    case 'unreachable':
      return `does not answer: ${verdict.reason}`;
  }
}

/** One line per place of each address that fails, moves or redirects: `file:line: url says`. */
export function linkReport(
  places: readonly LinkPlace[],
  verdicts: ReadonlyMap<string, LinkVerdict>,
): string[] {
  return places
    .flatMap((place) => {
      const verdict = verdicts.get(place.url) ?? { kind: 'unreachable', reason: 'not asked' };
      const said = describeVerdict(verdict);
      return said ? [{ place, line: `${place.file}:${place.line}: ${place.url} ${said}` }] : [];
    })
    .sort((a, b) => a.place.file.localeCompare(b.place.file) || a.place.line - b.place.line)
    .map(({ line }) => line);
}
