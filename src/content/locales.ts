import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { typographyProblems, type LanguageStyle } from './language-checks';
import type { ContentProblem } from './problems';

/** Interface strings of one language: `content/locales/{lang}/{namespace}.json`. */
export type Messages = Record<string, unknown>;

export interface LocaleFiles {
  /** Language codes, from the folder names: adding a folder adds a language. */
  languages: string[];
  namespaces: string[];
  messages: Record<string, Record<string, Messages>>;
}

export const LOCALES_DIR = 'locales';

export function discoverLanguages(contentDir: string): string[] {
  const dir = path.join(contentDir, LOCALES_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^[a-z]{2,3}$/.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

function flattenKeys(value: unknown, prefix = ''): Map<string, unknown> {
  const keys = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      for (const [k, v] of flattenKeys(child, prefix ? `${prefix}.${key}` : key)) keys.set(k, v);
    }
  } else {
    keys.set(prefix, value);
  }
  return keys;
}

function lineOfKey(source: string, key: string): number {
  const last = key.split('.').pop() ?? key;
  const index = source.indexOf(`"${last}"`);
  return index < 0 ? 1 : source.slice(0, index).split('\n').length;
}

function readJson(file: string, label: string, problems: ContentProblem[]): Messages | null {
  const source = readFileSync(file, 'utf8');
  try {
    const value: unknown = JSON.parse(source);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      return value as Messages;
    }
    problems.push({ file: label, line: 1, message: 'expected a JSON object' });
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const line = position ? source.slice(0, Number(position)).split('\n').length : 1;
    problems.push({ file: label, line, message: `JSON: ${(error as Error).message}` });
  }
  return null;
}

/**
 * Reads every language's interface strings and checks that each language has the same
 * namespaces and keys as every other, each a non-empty string.
 */
export function readLocales(
  root: string,
  contentDir: string,
  problems: ContentProblem[],
): LocaleFiles {
  const languages = discoverLanguages(contentDir);
  const dir = path.join(contentDir, LOCALES_DIR);
  const namespaces = [
    ...new Set(
      languages.flatMap((language) =>
        readdirSync(path.join(dir, language))
          .filter((name) => name.endsWith('.json'))
          .map((name) => path.basename(name, '.json')),
      ),
    ),
  ].sort();
  const messages: LocaleFiles['messages'] = {};
  const keysByFile = new Map<
    string,
    { label: string; source: string; keys: Map<string, unknown> }
  >();
  for (const language of languages) {
    messages[language] = {};
    for (const namespace of namespaces) {
      const file = path.join(dir, language, `${namespace}.json`);
      const label = path.relative(root, file);
      if (!existsSync(file)) {
        problems.push({
          file: label,
          line: 1,
          message: `missing: every language needs ${namespace}.json`,
        });
        continue;
      }
      const json = readJson(file, label, problems);
      if (!json) continue;
      messages[language][namespace] = json;
      keysByFile.set(`${language}/${namespace}`, {
        label,
        source: readFileSync(file, 'utf8'),
        keys: flattenKeys(json),
      });
    }
  }
  const styleOf = (language: string): LanguageStyle | undefined => {
    const quotes = (messages[language]?.common?.language as { quotes?: unknown } | undefined)
      ?.quotes;
    return typeof quotes === 'string' ? { quotes } : undefined;
  };
  for (const namespace of namespaces) {
    const allKeys = new Set(
      languages.flatMap((l) => [...(keysByFile.get(`${l}/${namespace}`)?.keys.keys() ?? [])]),
    );
    for (const language of languages) {
      const entry = keysByFile.get(`${language}/${namespace}`);
      if (!entry) continue;
      for (const key of allKeys) {
        const value = entry.keys.get(key);
        if (value === undefined) {
          problems.push({ file: entry.label, line: 1, message: `missing key "${key}"` });
        } else if (typeof value !== 'string' || value.trim() === '') {
          const line = lineOfKey(entry.source, key);
          problems.push({
            file: entry.label,
            line,
            message: `"${key}" must be a non-empty string`,
          });
        } else if (key !== 'language.quotes') {
          for (const message of typographyProblems(value, language, styleOf(language))) {
            problems.push({
              file: entry.label,
              line: lineOfKey(entry.source, key),
              message: `"${key}": ${message}`,
            });
          }
        }
      }
    }
  }
  return { languages: inOrder(languages, messages, keysByFile, problems), namespaces, messages };
}

/**
 * The languages in the order the site offers them (`language.order`: "1", "2"…), so the
 * language choice and every language switch read French, Dutch, German, English, not the
 * alphabet of their codes.
 */
function inOrder(
  languages: readonly string[],
  messages: LocaleFiles['messages'],
  files: ReadonlyMap<string, { label: string; source: string }>,
  problems: ContentProblem[],
): string[] {
  const orderOf = new Map<string, number>();
  for (const language of languages) {
    const value = (messages[language]?.common?.language as { order?: unknown } | undefined)?.order;
    if (value === undefined) continue;
    const entry = files.get(`${language}/common`);
    const order = Number(value);
    if (!Number.isInteger(order) || order < 1) {
      const line = entry ? lineOfKey(entry.source, 'language.order') : 1;
      const message = `"language.order" must be a whole number from 1: the language's place in the list`;
      problems.push({ file: entry?.label ?? language, line, message });
    } else if ([...orderOf.values()].includes(order)) {
      const line = entry ? lineOfKey(entry.source, 'language.order') : 1;
      const other = [...orderOf].find(([, o]) => o === order)?.[0];
      problems.push({
        file: entry?.label ?? language,
        line,
        message: `"language.order" ${order} is also ${other}'s`,
      });
    }
    orderOf.set(language, order);
  }
  const place = (language: string) => orderOf.get(language) ?? Number.MAX_SAFE_INTEGER;
  return [...languages].sort((a, b) => place(a) - place(b) || a.localeCompare(b));
}
