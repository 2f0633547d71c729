import type { Language } from '../content/tree';

/** What search engines and link previews read in a page's head. */
export interface PageMeta {
  canonical?: string;
  hreflang?: { hreflang: string; href: string }[];
  title?: string;
  siteName?: string;
  locale?: string;
  alternateLocales?: string[];
  noindex?: boolean;
  /** Serialized JSON-LD, safe to place inside a script element. */
  jsonLd?: string;
}

export interface Version {
  language: Language;
  path: string;
  /** When a person last checked the page (YYYY-MM-DD), for the sitemap's lastmod. */
  lastmod?: string;
}

/**
 * Canonical and alternate URLs come from the configured base URL, never from the request,
 * so a forged Host header cannot change them.
 */
export function pageMeta(options: {
  baseUrl: string;
  language: Language;
  versions: Version[];
  title: string;
  siteName: string;
  canonicalPath?: string;
  noindex?: boolean;
  jsonLd?: string;
}): PageMeta {
  const { baseUrl, language, versions } = options;
  const own = versions.find((version) => version.language.code === language.code);
  const others = versions.filter((version) => version !== own);
  return {
    canonical: `${baseUrl}${options.canonicalPath ?? own?.path ?? '/'}`,
    hreflang: [
      ...versions.map((version) => ({
        hreflang: version.language.tag,
        href: `${baseUrl}${version.path}`,
      })),
      { hreflang: 'x-default', href: `${baseUrl}/` },
    ],
    title: options.title,
    siteName: options.siteName,
    locale: language.ogLocale,
    alternateLocales: others.map((version) => version.language.ogLocale),
    noindex: options.noindex,
    jsonLd: options.jsonLd,
  };
}

/** A schema.org BreadcrumbList; `<` is escaped so the JSON can never close its script element. */
export function breadcrumbJsonLd(
  baseUrl: string,
  trail: { title: string; path: string }[],
): string {
  const json = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: trail.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.title,
      item: `${baseUrl}${crumb.path}`,
    })),
  });
  return json.replace(/</g, '\\u003c');
}
