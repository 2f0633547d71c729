import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LRUCache } from 'lru-cache';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { purposeOf } from './fields';
import { placeholderProblems, placeholderTag } from './placeholders';
import type { ContentProblem } from './problems';

export type KeyPath = readonly (string | number)[];

/** A content file parsed with its line numbers, so every problem can name its line. */
export interface YamlFile {
  /** Path relative to the project root, for messages. */
  file: string;
  data: unknown;
  /** The file's first line, where an editor looks for the schema it follows. */
  firstLine: string;
  /** The line of the value at `keyPath`, or of its nearest enclosing value. */
  lineOf(keyPath: KeyPath): number;
  /** The line of line `offset` inside the text at `keyPath` (block scalars start a line lower). */
  lineInText(keyPath: KeyPath, offset: number): number;
}

interface LocatedNode {
  range?: [number, number, number];
  type?: string;
}

function lineLocators(doc: Document.Parsed, lineCounter: LineCounter) {
  const lineOf = (keyPath: KeyPath): number => {
    // Depth 0 is the file itself: its first line, even when a comment opens the file.
    for (let depth = keyPath.length; depth > 0; depth--) {
      const node = doc.getIn(keyPath.slice(0, depth), true) as LocatedNode | undefined;
      if (node?.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 1;
  };
  const lineInText = (keyPath: KeyPath, offset: number): number => {
    const node = doc.getIn(keyPath, true) as LocatedNode | undefined;
    const isBlock = node?.type === 'BLOCK_LITERAL' || node?.type === 'BLOCK_FOLDED';
    return lineOf(keyPath) + (isBlock ? 1 + offset : 0);
  };
  return { lineOf, lineInText };
}

/** What parsing one file's text gives: the file itself, or null, and its problems. */
interface Parsed {
  yaml: YamlFile | null;
  problems: readonly ContentProblem[];
}

/**
 * The files parsed lately, by name and text. Every load of the content reads every file, but
 * between two loads close together (the live site after an edit, a test that changes one file)
 * most are the same text. A parsed file holds much more than its text (the whole content's
 * come to tens of megabytes), so it is kept only while loads follow each other: a server that
 * loaded its content once at start lets it go. What is kept is never changed by those who read
 * it: its data is frozen.
 */
const parsedFiles = new LRUCache<string, Parsed>({
  max: 2048,
  ttl: 30_000,
  updateAgeOnGet: true,
  ttlAutopurge: true,
});

/** Reads a YAML file; on a syntax error, reports it and returns null. */
export function readYamlFile(
  root: string,
  absolutePath: string,
  problems: ContentProblem[],
): YamlFile | null {
  const file = path.relative(root, absolutePath);
  const source = readFileSync(absolutePath, 'utf8');
  const key = `${file}\0${source}`;
  let parsed = parsedFiles.get(key);
  if (!parsed) {
    parsed = parseYaml(file, source);
    parsedFiles.set(key, parsed);
  }
  problems.push(...parsed.problems);
  return parsed.yaml;
}

function parseYaml(file: string, source: string): Parsed {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter,
    uniqueKeys: true,
    customTags: [placeholderTag],
  });
  if (doc.errors.length > 0) {
    // The first syntax error is the one to fix; the rest are mostly its echoes.
    const [error] = doc.errors;
    const message = error?.message.split('\n')[0] ?? 'unreadable';
    return {
      yaml: null,
      problems: [{ file, line: error?.linePos?.[0].line ?? 1, message: `YAML: ${message}` }],
    };
  }
  // A file still holding placeholders is otherwise checked as usual, so it lists everything.
  const problems = placeholderProblems(doc, lineCounter, file);
  const firstLine = (source.split('\n', 1)[0] ?? '').trimEnd();
  const data = deepFreeze(doc.toJS());
  return { yaml: { file, data, firstLine, ...lineLocators(doc, lineCounter) }, problems };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** Zod's complaints about the value at `prefix`, each at its own line. */
export function schemaProblems(
  error: z.ZodError,
  yaml: YamlFile,
  prefix: KeyPath,
): ContentProblem[] {
  return error.issues.map((issue) => {
    const keyPath = [...prefix, ...issue.path.filter((k) => typeof k !== 'symbol')] as (
      string | number
    )[];
    const where = keyPath.join('.');
    const purpose = purposeOf(String(keyPath.at(-1)));
    const message = /received undefined$/.test(issue.message)
      ? `${where} is missing${purpose ? ` (${purpose})` : ''}`
      : `${where ? `${where}: ` : ''}${issue.message}`;
    return { file: yaml.file, line: yaml.lineOf(keyPath), message };
  });
}
