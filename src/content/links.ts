import { inspectMarkdown } from './markdown';
import { markdownTexts, type SourceNode } from './source';

/** Rules for external links: safe schemes only, and in the page's language unless declared. */

const LANGUAGE_PARAMETERS = ['lang', 'language', 'langue', 'taal', 'ln'];

/** Language codes an official address may carry, besides the site's own. */
const OFFICIAL_LANGUAGES = ['fr', 'nl', 'de', 'en'];

/** The language an address says it is in, and how it says it: `site_fr`, `language=nl`, `/de/`. */
export function languageOfUrl(
  url: URL,
  languages: readonly string[] = [],
): { code: string; marker: string } | undefined {
  const known = new Set([...OFFICIAL_LANGUAGES, ...languages]);
  for (const name of LANGUAGE_PARAMETERS) {
    const value = url.searchParams.get(name)?.toLowerCase();
    if (value && /^[a-z]{2}$/.test(value)) return { code: value, marker: `${name}=${value}` };
  }
  const site = /\/site_([a-z]{2})\//i.exec(url.pathname)?.[1]?.toLowerCase();
  if (site) return { code: site, marker: `site_${site}` };
  const segment = url.pathname
    .split('/')
    .map((part) => part.toLowerCase())
    .find((part) => known.has(part));
  return segment ? { code: segment, marker: `/${segment}/` } : undefined;
}

/**
 * An external link must be https, and lead to a page in the page's own language, unless the
 * author declares the language it leads to (`{hreflang=fr}`), which must then match the URL.
 */
export function externalLinkProblem(
  href: string,
  language: string,
  declared: string | undefined,
  languages: readonly string[],
): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return `link "${href}" is neither a node id nor a full https URL`;
  }
  if (url.protocol !== 'https:') {
    return `link "${href}" must use https (${url.protocol} links are not allowed)`;
  }
  const target = languageOfUrl(url, languages);
  if (declared !== undefined) {
    if (!languages.includes(declared)) {
      return `{hreflang=${declared}}: the site has no language "${declared}" (it has ${languages.join(', ')})`;
    }
    if (declared === language)
      return `{hreflang=${declared}} is the page's own language: leave it out`;
    if (target && target.code !== declared) {
      return `link "${href}" is declared {hreflang=${declared}} but has ${target.marker}`;
    }
    return null;
  }
  if (target && target.code !== language) {
    const verb = target.marker.includes('=') ? 'has' : 'points at';
    return (
      `link "${href}" ${verb} ${target.marker} on a "${language}" page: ` +
      `link the ${language} version, or say which language it leads to with {hreflang=${target.code}}`
    );
  }
  return null;
}

const NODE_REFERENCE = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([a-z0-9]+(?:-[a-z0-9]+)*))?$/;

/**
 * Internal links are written as the target's node id, never as a URL; an entry of the
 * glossary page adds its id: `glossary#csam`.
 */
export function isNodeReference(href: string): boolean {
  return NODE_REFERENCE.test(href);
}

/** The node a reference names, and the entry of it, if any: `glossary#csam`. */
export function referenceParts(href: string): { id: string; fragment?: string } {
  const [, id = href, fragment] = NODE_REFERENCE.exec(href) ?? [];
  return { id, fragment };
}

/** The node ids a node's text links to, in one language, in reading order. */
export function linkTargets(node: SourceNode, language: string): string[] {
  return markdownTexts(node, language).flatMap(({ source }) =>
    inspectMarkdown(source)
      .links.map((link) => link.href)
      .filter(isNodeReference)
      .map((href) => referenceParts(href).id),
  );
}
