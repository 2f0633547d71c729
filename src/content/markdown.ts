import MarkdownIt from 'markdown-it';
import attributes from 'markdown-it-attrs';

/** A link found in a Markdown text, with the line it stands on (0 = the text's first line). */
export interface MarkdownLink {
  href: string;
  line: number;
  /** The language the author declared for the page it leads to: `[text](url){hreflang=fr}`. */
  hreflang?: string;
}

export interface MarkdownFindings {
  links: MarkdownLink[];
  /** Lines holding raw HTML, which authors may not write. */
  htmlLines: number[];
  /** Lines holding images, which this site does not show. */
  imageLines: number[];
  /** Heading levels used, with their lines; the page's own title is the only h1. */
  headings: { level: number; line: number }[];
  /** Lines where `{hreflang=…}` follows something other than a link. */
  strayLanguageLines: number[];
}

/** How a rendered text's links become URLs: internal links name a node id. */
export interface LinkRenderEnv {
  resolve(href: string): { url: string; external: boolean };
  /** Screen-reader text appended inside external links, e.g. "(site externe)". */
  externalLabel: string;
  /** Visible words for a link into another language, e.g. "en français" for `fr`. */
  languageLabel(code: string): string;
  /** Set between an external link's open and close tags. */
  insideExternal?: boolean;
  /** Set between the tags of a link into another language: that language. */
  insideLanguage?: string;
}

// HTML is disabled: anything that looks like a tag is shown as text, never passed through.
type Token = ReturnType<MarkdownIt['parse']>[number];

// `{hreflang=fr}` after a link declares the language of the page it leads to; nothing else.
// The plugin looks at every token, so texts without a `{` are read by parsers without it.
const ONLY_HREFLANG = { allowedAttributes: ['hreflang'] };

const newRenderer = () => new MarkdownIt({ html: false, linkify: false, typographer: false });
const renderers = {
  plain: newRenderer(),
  attributes: newRenderer().use(attributes, ONLY_HREFLANG),
};

// A second parser that recognises HTML, only to tell authors where they wrote some. It sees
// every link, even those the renderer would refuse, so authors hear why.
const newInspector = () => {
  const inspector = new MarkdownIt({ html: true, linkify: false });
  inspector.validateLink = () => true;
  return inspector;
};
const inspectors = {
  plain: newInspector(),
  attributes: newInspector().use(attributes, ONLY_HREFLANG),
};

const variantFor = (source: string) => (source.includes('{') ? 'attributes' : 'plain');

const escapeHtml = renderers.plain.utils.escapeHtml;

for (const renderer of Object.values(renderers)) {
  renderer.renderer.rules.link_open = (tokens, index, options, env: LinkRenderEnv, self) => {
    const token = tokens[index] as Token;
    const { url, external } = env.resolve(token.attrGet('href') ?? '');
    token.attrSet('href', url);
    if (external) token.attrJoin('class', 'external');
    env.insideExternal = external;
    env.insideLanguage = token.attrGet('hreflang') ?? undefined;
    return self.renderToken(tokens, index, options);
  };

  renderer.renderer.rules.link_close = (tokens, index, options, env: LinkRenderEnv, self) => {
    // A link into another language says so in its own words: "(en français)".
    const language = env.insideLanguage
      ? ` (${escapeHtml(env.languageLabel(env.insideLanguage))})`
      : '';
    const marker = env.insideExternal
      ? `<span class="visually-hidden"> ${escapeHtml(env.externalLabel)}</span>`
      : '';
    env.insideExternal = false;
    env.insideLanguage = undefined;
    return language + marker + self.renderToken(tokens, index, options);
  };
}

const rememberedCaches: Map<string, unknown>[] = [];

/** Texts are read many times at start (links, reachability, search, checks): once is enough. */
function remembered<T>(compute: (source: string) => T): (source: string) => T {
  const cache = new Map<string, T>();
  rememberedCaches.push(cache);
  return (source) => {
    let value = cache.get(source);
    if (value === undefined) {
      // Bounded: a long development session rebuilds the site after every edit.
      if (cache.size >= 10_000) cache.clear();
      value = compute(source);
      cache.set(source, value);
    }
    return value;
  };
}

/**
 * Lets go of every text remembered: a server calls it once its site is built, since it reads
 * none of them again (megabytes, with every page in every language).
 */
export function forgetRememberedTexts(): void {
  for (const cache of rememberedCaches) cache.clear();
}

export function renderMarkdown(source: string, env: LinkRenderEnv): string {
  return renderers[variantFor(source)].render(source, env);
}

export const inspectMarkdown = remembered((source: string): MarkdownFindings => {
  const findings: MarkdownFindings = {
    links: [],
    htmlLines: [],
    imageLines: [],
    headings: [],
    strayLanguageLines: [],
  };
  for (const token of inspectors[variantFor(source)].parse(source, {})) {
    const line = token.map?.[0] ?? 0;
    if (token.attrGet('hreflang') !== null) findings.strayLanguageLines.push(line);
    if (token.type === 'html_block') findings.htmlLines.push(line);
    if (token.type === 'heading_open') {
      findings.headings.push({ level: Number(token.tag.slice(1)), line });
    }
    for (const child of token.children ?? []) {
      if (child.type === 'html_inline') findings.htmlLines.push(line);
      if (child.type === 'link_open') {
        const hreflang = child.attrGet('hreflang') ?? undefined;
        findings.links.push({ href: child.attrGet('href') ?? '', line, hreflang });
      } else if (child.attrGet('hreflang') !== null) {
        findings.strayLanguageLines.push(line);
      }
      if (child.type === 'image') findings.imageLines.push(line);
    }
  }
  return findings;
});

/** The words of a Markdown text without its markup, for search. */
export const plainText = remembered((source: string): string => {
  const words: string[] = [];
  for (const token of renderers[variantFor(source)].parse(source, {})) {
    for (const child of token.children ?? []) {
      if (child.type === 'text' || child.type === 'code_inline') words.push(child.content);
      if (child.type === 'softbreak' || child.type === 'hardbreak') words.push(' ');
    }
    if (token.type.endsWith('_close') && token.block) words.push(' ');
  }
  // Only ASCII white space is collapsed: no-break spaces are part of the text (French typography).
  return words
    .join('')
    .replace(/[ \t\r\n]+/g, ' ')
    .trim();
});
