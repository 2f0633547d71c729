import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ContentProblem } from './problems';
import { readYamlFile, schemaProblems } from './yaml-file';

const word = z.string().trim().min(1).toLowerCase();

const languageSettingsSchema = z.strictObject({
  /** Words too common to help find anything: "je", "voudrais", "een". */
  ignore: z.array(word).default([]),
  /** Groups of words a searcher may use for the same thing: "rae", "gap". */
  synonyms: z.array(z.array(word).min(2, 'a synonym group needs two words or more')).default([]),
  /**
   * Words that, before a profile's name, make it whom the task is for, not who asks:
   * "to" in "assign a role to a user", "aan" in "een rol toekennen aan een gebruiker".
   */
  forWhom: z.array(word).default([]),
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
    languages.map((language) => [language, { ignore: [], synonyms: [], forWhom: [] }]),
  );
  const absolute = path.join(contentDir, SEARCH_SETTINGS_FILE);
  if (!existsSync(absolute)) return settings;
  const yaml = readYamlFile(root, absolute, problems);
  if (!yaml) return settings;
  const raw = (yaml.data ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!languages.includes(key)) {
      const message = `"${key}" is not a language of the site`;
      problems.push({ file: yaml.file, line: yaml.lineOf([key]), message });
    }
  }
  for (const language of languages) {
    const parsed = languageSettingsSchema.safeParse(raw[language] ?? {});
    if (parsed.success) settings[language] = parsed.data;
    else problems.push(...schemaProblems(parsed.error, yaml, [language]));
  }
  return settings;
}
