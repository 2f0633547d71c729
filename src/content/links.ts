import { inspectMarkdown } from './markdown';
import { MARKDOWN_FIELDS, type SourceNode } from './source';

/** Rules for external links: safe schemes only, and pointing at the page's own language. */

const LANGUAGE_PARAMETERS = ['lang', 'language', 'langue', 'taal', 'ln'];

export function externalLinkProblem(href: string, language: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return `link "${href}" is neither a node id nor a full https URL`;
  }
  if (url.protocol !== 'https:') {
    return `link "${href}" must use https (${url.protocol} links are not allowed)`;
  }
  for (const name of LANGUAGE_PARAMETERS) {
    const value = url.searchParams.get(name);
    if (value && /^[a-z]{2}$/i.test(value) && value.toLowerCase() !== language) {
      return `link "${href}" has ${name}=${value} on a "${language}" page`;
    }
  }
  const siteLanguage = /\/site_([a-z]{2})\//i.exec(url.pathname)?.[1];
  if (siteLanguage && siteLanguage.toLowerCase() !== language) {
    return `link "${href}" points at site_${siteLanguage} on a "${language}" page`;
  }
  return null;
}

/** Internal links are written as the target's node id, never as a URL. */
export function isNodeReference(href: string): boolean {
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(href);
}

/** The node ids a node's text links to, in one language, in reading order. */
export function linkTargets(node: SourceNode, language: string): string[] {
  const text = node.text[language];
  return MARKDOWN_FIELDS.flatMap((field) =>
    inspectMarkdown(text?.[field] ?? '')
      .links.map((link) => link.href)
      .filter(isNodeReference),
  );
}
