import i18next, { type i18n, type TFunction } from 'i18next';
import Backend, { type FsBackendOptions } from 'i18next-fs-backend';
import path from 'node:path';
import { LOCALES_DIR } from './content/locales';

export type Translate = TFunction;

/** The translator's shape as this file calls it: a key, then optional interpolation values. */
type LooseTranslate = (key: string | string[], ...rest: unknown[]) => string;

/**
 * Loads every language's interface strings at start. Each page gets a translator fixed to its
 * own language (`translatorFor`), never a shared global, so no request can see another's language.
 */
export async function createI18n(
  contentDir: string,
  languages: readonly string[],
  namespaces: readonly string[],
): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(Backend).init<FsBackendOptions>({
    backend: { loadPath: path.join(contentDir, LOCALES_DIR, '{{lng}}', '{{ns}}.json') },
    preload: [...languages],
    supportedLngs: [...languages],
    ns: [...namespaces],
    defaultNS: 'common',
    fallbackLng: false,
    // Templates escape everything they print; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

/**
 * A translator fixed to one language. Strings without options are looked up once and kept:
 * every page at start asks for the same few dozen, thousands of times in all.
 */
export function translatorFor(instance: i18n, language: string): Translate {
  const t = instance.getFixedT(language) as unknown as LooseTranslate;
  const plain = new Map<string, string>();
  const remembering: LooseTranslate = (key, ...rest) => {
    if (rest.length > 0 || typeof key !== 'string') return t(key, ...rest);
    let value = plain.get(key);
    if (value === undefined) {
      value = t(key);
      plain.set(key, value);
    }
    return value;
  };
  return remembering as unknown as Translate;
}
