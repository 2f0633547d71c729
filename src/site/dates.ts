import type { Language } from '../content/tree';

/** Formatters by locale: building one is slow, and a site writes a few dates many times. */
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A YYYY-MM-DD date as the page's language writes it: « 4 décembre 2026 », "4 December 2026".
 * The Open Graph locale names the region's conventions (en_GB: 4 December 2026), where the
 * language tag may not (en: December 4, 2026).
 */
export function writtenDate(date: string, language: Language): string {
  const locale = language.ogLocale.replace('_', '-');
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}
