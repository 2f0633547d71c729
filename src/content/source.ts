import path from 'node:path';
import type { ContentProblem } from './problems';
import {
  localizedTextSchema,
  META_KEYS,
  nodeIdSchema,
  nodeMetaSchema,
  type LocalizedText,
  type NodeMeta,
} from './schema';
import { readYamlFile, schemaProblems, type KeyPath } from './yaml-file';

/**
 * - `home`, `page`: site pages, `pages/*.yaml`; a page may ask a question (the profile finder).
 * - `profile`, `task`: `profiles/{profile}.yaml`, and its tasks in `profiles/{profile}/`.
 * - `outcome`: what follows an answer to a task's question, `profiles/{profile}/{task}/`.
 * - `step`: what follows an answer to a page's question, `pages/{page}/`.
 * - `topic`: what a task is about, whoever asks it, `topics/*.yaml`.
 */
export type NodeKind = 'home' | 'page' | 'profile' | 'task' | 'outcome' | 'step' | 'topic';

/** The fields of a node's text that are Markdown. */
export const MARKDOWN_FIELDS = ['body', 'note', 'update'] as const;

/** A node file as read from disk and checked against the schema, before the graph is checked. */
export interface SourceNode {
  id: string;
  kind: NodeKind;
  /** For tasks, outcomes and steps: the node whose folder holds the file. */
  folderOwner?: string;
  /** Path relative to the project root, for messages. */
  file: string;
  meta: NodeMeta;
  text: Record<string, LocalizedText>;
  /** The line of the value at `keyPath`, or of its nearest enclosing value. */
  lineOf(keyPath: KeyPath): number;
  /** The line of line `offset` inside the text at `keyPath` (block scalars start a line lower). */
  lineInText(keyPath: KeyPath, offset: number): number;
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
  folderOwner?: string,
): SourceNode | null {
  const id = path.basename(absolutePath, '.yaml');
  const yaml = readYamlFile(root, absolutePath, problems);
  if (!yaml) return null;
  const { file, lineOf, lineInText } = yaml;
  const before = problems.length;

  if (!nodeIdSchema.safeParse(id).success) {
    problems.push({ file, line: 1, message: `file name "${id}" is not a valid node id` });
  }
  const raw = yaml.data;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ file, line: 1, message: 'expected a mapping of keys to values' });
    return null;
  }
  const entries = raw as Record<string, unknown>;

  const metaInput = Object.fromEntries(
    Object.entries(entries).filter(([key]) => META_KEYS.includes(key)),
  );
  const meta = nodeMetaSchema.safeParse(metaInput);
  if (!meta.success) problems.push(...schemaProblems(meta.error, yaml, []));

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
    else problems.push(...schemaProblems(parsed.error, yaml, [language]));
  }

  if (problems.length > before || !meta.success) return null;
  return { id, kind, folderOwner, file, meta: meta.data, text, lineOf, lineInText };
}
