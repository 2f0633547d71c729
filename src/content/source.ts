import path from 'node:path';
import type { z } from 'zod';
import {
  MARKDOWN_FIELDS,
  nodeIdSchema,
  purposeOf,
  type LocalizedText,
  type NodeMeta,
} from './fields';
import {
  fieldsOf,
  kindsAllowing,
  metaSchemaOf,
  NODE_KINDS,
  textSchemaOf,
  type NodeKind,
} from './kinds';
import { modelineOf } from './json-schemas';
import type { ContentProblem } from './problems';
import { readYamlFile, schemaProblems, type KeyPath, type YamlFile } from './yaml-file';

export { MARKDOWN_FIELDS };
export type { NodeKind };

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

/** A Markdown text of a node, where it is, and how messages name it: `fr.history.0.change`. */
export interface MarkdownText {
  keyPath: (string | number)[];
  name: string;
  source: string;
}

/** Every Markdown text of a node in one language, in the order the page shows them. */
export function markdownTexts(node: SourceNode, language: string): MarkdownText[] {
  const text = node.text[language];
  if (!text) return [];
  const found: MarkdownText[] = [];
  for (const field of MARKDOWN_FIELDS) {
    const source = text[field];
    if (source !== undefined) {
      found.push({ keyPath: [language, field], name: `${language}.${field}`, source });
    }
  }
  (text.history ?? []).forEach((entry, index) => {
    const keyPath = [language, 'history', index, 'change'];
    found.push({ keyPath, name: keyPath.join('.'), source: entry.change });
  });
  return found;
}

/** Whether the value at `path` is absent while the object that should hold it is there. */
function isMissing(input: unknown, path: readonly (string | number)[]): boolean {
  let value: unknown = input;
  for (const key of path.slice(0, -1)) {
    if (typeof value !== 'object' || value === null) return false;
    value = (value as Record<string | number, unknown>)[key];
  }
  const last = path.at(-1);
  return (
    typeof value === 'object' &&
    value !== null &&
    last !== undefined &&
    (value as Record<string | number, unknown>)[last] === undefined
  );
}

/**
 * The schema's complaints, in the author's words: a field this kind does not take says which
 * kinds take it; any other complaint is the schema's own.
 */
function kindProblems(
  error: z.ZodError,
  yaml: YamlFile,
  kind: NodeKind,
  prefix: KeyPath,
  input: Record<string, unknown>,
  expected: readonly string[],
): ContentProblem[] {
  const side = prefix.length === 0 ? 'meta' : 'text';
  const at = prefix.map(String).join('.');
  const found: ContentProblem[] = [];
  const rest = error.issues.filter((issue) => {
    const path = issue.path.filter((key) => typeof key !== 'symbol') as (string | number)[];
    const key = path.at(-1);
    if (typeof key === 'string' && isMissing(input, path)) {
      const purpose = purposeOf(key);
      const name = [...prefix, ...path].join('.');
      const message = `${name} is missing${purpose ? ` (${purpose})` : ''}`;
      found.push({ file: yaml.file, line: yaml.lineOf([...prefix, ...path]), message });
      return false;
    }
    if (issue.code !== 'unrecognized_keys' || issue.path.length > 0) return true;
    for (const key of issue.keys) {
      const others = kindsAllowing(key, side);
      const name = at ? `${at}.${key}` : key;
      const message =
        others.length > 0
          ? `${name} is only for ${others.join(', ')}, not ${NODE_KINDS[kind].name}`
          : `unknown key "${key}" (expected ${expected.join(', ')})`;
      found.push({ file: yaml.file, line: yaml.lineOf([...prefix, key]), message });
    }
    return false;
  });
  return [...found, ...schemaProblems({ ...error, issues: rest } as z.ZodError, yaml, prefix)];
}

/**
 * Reads one node file. Returns the node when it matches its kind's schema; otherwise null,
 * with every problem pushed onto `problems`.
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

  const modeline = modelineOf(kind);
  if (yaml.firstLine !== modeline) {
    problems.push({
      file,
      line: 1,
      message: `the first line should be "${modeline}", so that editors check the file as you type (npm run schemas writes it)`,
      severity: 'warning',
    });
  }
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
    Object.entries(entries).filter(([key]) => !languages.includes(key)),
  );
  const meta = metaSchemaOf(kind).safeParse(metaInput);
  if (!meta.success) {
    const expected = [...fieldsOf(kind, 'meta'), ...languages];
    problems.push(...kindProblems(meta.error, yaml, kind, [], metaInput, expected));
  }

  const textSchema = textSchemaOf(kind);
  const text: Record<string, LocalizedText> = {};
  for (const language of languages) {
    if (entries[language] === undefined) {
      problems.push({ file, line: 1, message: `missing the "${language}" text of this page` });
      continue;
    }
    const input = entries[language];
    const parsed = textSchema.safeParse(input);
    if (parsed.success) text[language] = parsed.data as LocalizedText;
    else {
      const fields = typeof input === 'object' && input !== null ? input : {};
      const expected = fieldsOf(kind, 'text');
      problems.push(
        ...kindProblems(
          parsed.error,
          yaml,
          kind,
          [language],
          fields as Record<string, unknown>,
          expected,
        ),
      );
    }
  }

  const failed = problems.slice(before).some((problem) => problem.severity !== 'warning');
  if (failed || !meta.success) return null;
  return { id, kind, folderOwner, file, meta: meta.data as NodeMeta, text, lineOf, lineInText };
}
