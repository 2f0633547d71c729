import i18next, { type i18n, type TFunction } from 'i18next';
import Backend, { type FsBackendOptions } from 'i18next-fs-backend';
import path from 'node:path';
import { LOCALES_DIR } from '../content/locales';

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
 * A translator fixed to one language, fast for the thousands of lookups of a start: strings
 * are looked up once and kept, and plain `{{name}}` values are filled in by i18next's own
 * interpolator, skipping the rest of a full translation. Anything else (plurals, context)
 * goes through i18next as usual.
 */
export function translatorFor(instance: i18n, language: string): Translate {
  const t = instance.getFixedT(language) as unknown as LooseTranslate;
  const raw = new Map<string, string | undefined>();
  const stringOf = (key: string) => {
    if (!raw.has(key)) {
      const value: unknown = instance.getResource(language, 'common', key);
      raw.set(key, typeof value === 'string' ? value : undefined);
    }
    return raw.get(key);
  };
  const fast: LooseTranslate = (key, ...rest) => {
    const [values] = rest;
    const simple =
      typeof key === 'string' &&
      rest.length <= 1 &&
      (values === undefined ||
        (typeof values === 'object' &&
          values !== null &&
          !('count' in values) &&
          !('context' in values)));
    const template = simple ? stringOf(key) : undefined;
    if (template === undefined) return t(key, ...rest);
    if (values === undefined || !template.includes('{{')) return template;
    return instance.services.interpolator.interpolate(template, values as object, language, {
      escapeValue: false,
    });
  };
  return fast as unknown as Translate;
}
