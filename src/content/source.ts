import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './problems';
import {
  localizedTextSchema,
  META_KEYS,
  nodeIdSchema,
  nodeMetaSchema,
  type LocalizedText,
  type NodeMeta,
} from './schema';

export type NodeKind = 'home' | 'page' | 'profile' | 'task';

/** The fields of a node's text that are Markdown. */
export const MARKDOWN_FIELDS = ['body', 'note'] as const;

/** A node file as read from disk and checked against the schema, before the graph is checked. */
export interface SourceNode {
  id: string;
  kind: NodeKind;
  /** For tasks: the profile whose folder holds the file. */
  profileId?: string;
  /** Path relative to the project root, for messages. */
  file: string;
  meta: NodeMeta;
  text: Record<string, LocalizedText>;
  /** The line of the value at `keyPath`, or of its nearest enclosing value. */
  lineOf(keyPath: readonly (string | number)[]): number;
  /** The line of line `offset` inside the text at `keyPath` (block scalars start a line lower). */
  lineInText(keyPath: readonly (string | number)[], offset: number): number;
}

type YamlDoc = Document.Parsed;

interface LocatedNode {
  range?: [number, number, number];
  type?: string;
}

function lineLocators(doc: YamlDoc, lineCounter: LineCounter) {
  const lineOf = (keyPath: readonly (string | number)[]): number => {
    for (let depth = keyPath.length; depth >= 0; depth--) {
      const node = doc.getIn(keyPath.slice(0, depth), true) as LocatedNode | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const lineInText = (keyPath: readonly (string | number)[], offset: number): number => {
    const node = doc.getIn(keyPath, true) as LocatedNode | undefined;
    const isBlock = node?.type === 'BLOCK_LITERAL' || node?.type === 'BLOCK_FOLDED';
    return lineOf(keyPath) + (isBlock ? 1 + offset : 0);
  };
  return { lineOf, lineInText };
}

function zodProblems(
  error: z.ZodError,
  file: string,
  prefix: readonly (string | number)[],
  lineOf: SourceNode['lineOf'],
): ContentProblem[] {
  return error.issues.map((issue) => {
    const keyPath = [...prefix, ...issue.path.filter((k) => typeof k !== 'symbol')] as (
      | string
      | number
    )[];
    const where = keyPath.join('.');
    const message = /received undefined$/.test(issue.message)
      ? `${where} is missing`
      : `${where ? `${where}: ` : ''}${issue.message}`;
    return { file, line: lineOf(keyPath), message };
  });
}

/**
 * Reads one node file. Returns the node when it matches the schema; otherwise null, with every
 * problem pushed onto `problems`.
 */
export function readSourceNode(
  root: string,
  absolutePath: string,
  kind: NodeKind,
  languages: readonly string[],
  problems: ContentProblem[],
  profileId?: string,
): SourceNode | null {
  const file = path.relative(root, absolutePath);
  const id = path.basename(absolutePath, '.yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(absolutePath, 'utf8'), { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    // The first syntax error is the one to fix; the rest are mostly its echoes.
    const [error] = doc.errors;
    const message = error?.message.split('\n')[0] ?? 'unreadable';
    problems.push({ file, line: error?.linePos?.[0].line ?? 1, message: `YAML: ${message}` });
    return null;
  }
  const { lineOf, lineInText } = lineLocators(doc, lineCounter);
  const before = problems.length;

  if (!nodeIdSchema.safeParse(id).success) {
    problems.push({ file, line: 1, message: `file name "${id}" is not a valid node id` });
  }
  const raw: unknown = doc.toJS();
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ file, line: 1, message: 'expected a mapping of keys to values' });
    return null;
  }
  const entries = raw as Record<string, unknown>;

  const metaInput = Object.fromEntries(
    Object.entries(entries).filter(([key]) => META_KEYS.includes(key)),
  );
  const meta = nodeMetaSchema.safeParse(metaInput);
  if (!meta.success) problems.push(...zodProblems(meta.error, file, [], lineOf));

  for (const key of Object.keys(entries)) {
    if (!META_KEYS.includes(key) && !languages.includes(key)) {
      problems.push({
        file,
        line: lineOf([key]),
        message: `unknown key "${key}" (expected ${[...META_KEYS, ...languages].join(', ')})`,
      });
    }
  }

  const text: Record<string, LocalizedText> = {};
  for (const language of languages) {
    if (entries[language] === undefined) {
      problems.push({ file, line: 1, message: `missing the "${language}" text of this page` });
      continue;
    }
    const parsed = localizedTextSchema.safeParse(entries[language]);
    if (parsed.success) text[language] = parsed.data;
    else problems.push(...zodProblems(parsed.error, file, [language], lineOf));
  }

  if (problems.length > before || !meta.success) return null;
  return { id, kind, profileId, file, meta: meta.data, text, lineOf, lineInText };
}
