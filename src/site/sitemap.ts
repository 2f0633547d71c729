import { escapeMarkup } from '../lib/escape';
import type { Version } from './meta';

/** `/sitemap.xml`: every page of every language, each with its other-language versions. */
export function sitemapXml(baseUrl: string, pages: Version[][]): string {
  const urls = pages.flatMap((versions) =>
    versions.map((version) => {
      const alternates = [
        ...versions.map((v) => ({ hreflang: v.language.tag, path: v.path })),
        { hreflang: 'x-default', path: '/' },
      ].map(
        ({ hreflang, path }) =>
          `    <xhtml:link rel="alternate" hreflang="${hreflang}" href="${escapeMarkup(baseUrl + path)}"/>`,
      );
      return [
        `  <url>`,
        `    <loc>${escapeMarkup(baseUrl + version.path)}</loc>`,
        ...(version.lastmod ? [`    <lastmod>${escapeMarkup(version.lastmod)}</lastmod>`] : []),
        ...alternates,
        `  </url>`,
      ].join('\n');
    }),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    `  <url>\n    <loc>${escapeMarkup(`${baseUrl}/`)}</loc>\n  </url>`,
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

export function robotsTxt(baseUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${baseUrl}/sitemap.xml\n`;
}
