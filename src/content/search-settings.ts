import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { ContentProblem } from './problems';

const word = z.string().trim().min(1).toLowerCase();

const languageSettingsSchema = z.strictObject({
  /** Words too common to help find anything: "je", "voudrais", "een". */
  ignore: z.array(word).default([]),
  /** Groups of words a searcher may use for the same thing: "rae", "gap". */
  synonyms: z.array(z.array(word).min(2, 'a synonym group needs two words or more')).default([]),
});

export type LanguageSearchSettings = z.infer<typeof languageSettingsSchema>;
export type SearchSettings = Record<string, LanguageSearchSettings>;

export const SEARCH_SETTINGS_FILE = 'search.yaml';

/** Reads `content/search.yaml`; without it, search still works, with no synonyms. */
export function readSearchSettings(
  root: string,
  contentDir: string,
  languages: readonly string[],
  problems: ContentProblem[],
): SearchSettings {
  const settings: SearchSettings = Object.fromEntries(
    languages.map((language) => [language, { ignore: [], synonyms: [] }]),
  );
  const absolute = path.join(contentDir, SEARCH_SETTINGS_FILE);
  if (!existsSync(absolute)) return settings;
  const file = path.relative(root, absolute);
  const lineCounter = new LineCounter();
  const doc = parseDocument(readFileSync(absolute, 'utf8'), { lineCounter });
  const [error] = doc.errors;
  if (error) {
    const message = `YAML: ${error.message.split('\n')[0] ?? ''}`;
    problems.push({ file, line: error.linePos?.[0].line ?? 1, message });
    return settings;
  }
  const lineOf = (keyPath: (string | number)[]) => {
    const node = doc.getIn(keyPath, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  };
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!languages.includes(key)) {
      problems.push({ file, line: lineOf([key]), message: `"${key}" is not a language of the site` });
    }
  }
  for (const language of languages) {
    const parsed = languageSettingsSchema.safeParse(raw[language] ?? {});
    if (parsed.success) {
      settings[language] = parsed.data;
      continue;
    }
    for (const issue of parsed.error.issues) {
      const keyPath = [language, ...issue.path.filter((k) => typeof k !== 'symbol')] as (string | number)[];
      problems.push({ file, line: lineOf(keyPath), message: `${keyPath.join('.')}: ${issue.message}` });
    }
  }
  return settings;
}
