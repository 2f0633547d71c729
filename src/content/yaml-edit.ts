import { readFileSync, writeFileSync } from 'node:fs';
import {
  isMap,
  isScalar,
  isSeq,
  Pair,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type Document,
} from 'yaml';
import { placeholderTag } from './placeholders';
import { YAML_STYLE } from './skeleton';

/**
 * Small edits to a content file that keep everything else as the author wrote it: comments,
 * quotes, flow or block lists, long lines. (Every content file reads back byte for byte.)
 */
export interface YamlEdit {
  doc: Document.Parsed;
  save(): void;
}

export function openYaml(file: string): YamlEdit {
  const doc = parseDocument(readFileSync(file, 'utf8'), { customTags: [placeholderTag] });
  if (doc.errors.length > 0) {
    throw new Error(`${file} is not valid YAML: fix it first (${doc.errors[0]?.message ?? ''})`);
  }
  return { doc, save: () => writeFileSync(file, doc.toString(YAML_STYLE)) };
}

/** The mapping at `keyPath`, made (at the end of its parent) when it is not there yet. */
export function mapAt(doc: Document, keyPath: readonly string[]): YAMLMap {
  const found = doc.getIn(keyPath, true);
  if (isMap(found)) return found;
  const made = new YAMLMap();
  doc.setIn(keyPath, made);
  return made;
}

/** Appends to the list at `key`, keeping its style; a missing list is written `[a, b]`. */
export function appendToList(map: YAMLMap, key: string, value: string, after?: string): void {
  const list = map.get(key, true);
  if (isSeq(list)) {
    list.add(new Scalar(value));
    return;
  }
  const made = new YAMLSeq();
  made.flow = true;
  made.items.push(new Scalar(value));
  setAfter(map, key, made, after);
}

/** Sets `key` to `value`, placed right after the key `after` when it is new (else at the end). */
export function setAfter(map: YAMLMap, key: string, value: unknown, after?: string): void {
  if (map.has(key)) {
    map.set(key, value);
    return;
  }
  const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === after);
  const pair = new Pair(new Scalar(key), value);
  if (index < 0) map.items.push(pair);
  else map.items.splice(index + 1, 0, pair);
}
