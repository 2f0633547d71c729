import { existsSync } from 'node:fs';
import path from 'node:path';
import { DATA_FILES, type DataFileName } from './kinds';
import type { ContentProblem } from './problems';
import { readYamlFile, schemaProblems, type YamlFile } from './yaml-file';

type Parsed<N extends DataFileName> = ReturnType<
  ReturnType<(typeof DATA_FILES)[N]['schema']>['parse']
>;

/** A data file read and checked against its declared schema, with its lines for messages. */
export interface DataFile<N extends DataFileName> {
  value: Parsed<N>;
  yaml: YamlFile;
}

/**
 * Reads `content/{file}` as declared in the table of data files. A missing file is a problem:
 * the pages and the checks rest on it. Returns null, with the problems pushed, when it does
 * not pass.
 */
export function readDataFile<N extends DataFileName>(
  name: N,
  root: string,
  contentDir: string,
  languages: readonly string[],
  problems: ContentProblem[],
): DataFile<N> | null {
  const declared = DATA_FILES[name];
  const absolute = path.join(contentDir, declared.file);
  const file = path.relative(root, absolute);
  if (!existsSync(absolute)) {
    problems.push({ file, line: 1, message: `missing ${declared.file}: ${declared.name}` });
    return null;
  }
  const yaml = readYamlFile(root, absolute, problems);
  if (!yaml) return null;
  const parsed = declared.schema(languages).safeParse(yaml.data);
  if (!parsed.success) {
    problems.push(...schemaProblems(parsed.error, yaml, []));
    return null;
  }
  return { value: parsed.data as Parsed<N>, yaml };
}
