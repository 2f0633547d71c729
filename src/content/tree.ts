import { isNodeReference, linkTargets } from './links';
import { plainText, renderMarkdown, type LinkRenderEnv } from './markdown';
import type { NodeKind, SourceNode } from './source';

export interface Language {
  /** The URL prefix and i18next language: `fr`. */
  code: string;
  /** BCP 47 tag for `lang` and `hreflang`: `fr-BE`. */
  tag: string;
  /** The language's name in itself: `Français`. */
  name: string;
  /** Open Graph locale: `fr_BE`. */
  ogLocale: string;
}

/** What one language shows of one node, ready for templates. */
export interface PageText {
  title: string;
  /** The title as a heading: capitalised, since task titles continue "... et je voudrais :". */
  heading: string;
  description: string;
  /** Canonical path, always with a trailing slash: `/fr/representant-legal/`. */
  path: string;
  slug: string;
  bodyHtml: string;
  noteHtml: string;
  /** Body and note as plain words, for search. */
  plainText: string;
}

export interface ContentNode {
  id: string;
  kind: NodeKind;
  file: string;
  /** Breadcrumb ancestors, from home down to the parent. */
  trail: ContentNode[];
  /** For tasks: their profile. */
  profile?: ContentNode;
  /** For tasks: what is asked, whoever asks it; the same across profiles. */
  topic?: string;
  /** For profiles: their tasks in order. */
  tasks: ContentNode[];
  /** For pages that offer a choice of profiles. */
  profiles: ContentNode[];
  text: Record<string, PageText>;
}

export interface ContentTree {
  languages: Language[];
  home: ContentNode;
  /** Every node, in the order a reader meets them from home (breadth first). */
  nodes: ContentNode[];
  byId: ReadonlyMap<string, ContentNode>;
  profiles: ContentNode[];
}

function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** Builds the tree from nodes that have passed validation, so every reference resolves. */
export function buildTree(
  sources: ReadonlyMap<string, SourceNode>,
  languages: Language[],
  externalLabels: Record<string, string>,
): ContentTree {
  const byId = new Map<string, ContentNode>();
  for (const source of sources.values()) {
    byId.set(source.id, {
      id: source.id,
      kind: source.kind,
      file: source.file,
      trail: [],
      tasks: [],
      profiles: [],
      text: {},
    });
  }
  const get = (id: string): ContentNode => {
    const node = byId.get(id);
    if (!node) throw new Error(`unvalidated reference to "${id}"`);
    return node;
  };

  for (const source of sources.values()) {
    const node = get(source.id);
    node.profile = source.profileId ? get(source.profileId) : undefined;
    node.topic = source.meta.topic;
    node.tasks = (source.meta.tasks ?? []).map(get);
    node.profiles = (source.meta.profiles ?? []).map(get);
  }
  for (const source of sources.values()) {
    const node = get(source.id);
    const parentId = source.meta.parent ?? source.profileId;
    node.trail = parentId ? [...trailOf(parentId, sources), parentId].map(get) : [];
  }
  for (const language of languages) {
    for (const source of sources.values()) {
      const node = get(source.id);
      const text = source.text[language.code];
      if (!text) throw new Error(`unvalidated missing text for ${source.id}`);
      const slug = text.slug ?? '';
      const base = node.profile
        ? pathOf(sources, node.profile.id, language.code)
        : `/${language.code}/`;
      node.text[language.code] = {
        title: text.title,
        heading: capitalise(text.title, language.tag),
        description: text.description,
        slug,
        path: slug ? `${base}${slug}/` : base,
        bodyHtml: '',
        noteHtml: '',
        plainText: [text.body, text.note].map((markdown) => plainText(markdown ?? '')).join(' '),
      };
    }
  }
  for (const language of languages) {
    const env = (): LinkRenderEnv => ({
      externalLabel: externalLabels[language.code] ?? '',
      resolve: (href: string) =>
        isNodeReference(href)
          ? { url: get(href).text[language.code]?.path ?? href, external: false }
          : { url: href, external: true },
    });
    for (const source of sources.values()) {
      const text = source.text[language.code];
      const page = get(source.id).text[language.code];
      if (!text || !page) continue;
      page.bodyHtml = text.body ? renderMarkdown(text.body, env()) : '';
      page.noteHtml = text.note ? renderMarkdown(text.note, env()) : '';
    }
  }

  const home = get('home');
  const nodes = readingOrder(sources, languages[0]?.code ?? '').map(get);
  return {
    languages,
    home,
    nodes,
    byId,
    profiles: nodes.filter((node) => node.kind === 'profile'),
  };
}

function trailOf(id: string, sources: ReadonlyMap<string, SourceNode>): string[] {
  const parentId = sources.get(id)?.meta.parent;
  return parentId ? [...trailOf(parentId, sources), parentId] : [];
}

function pathOf(sources: ReadonlyMap<string, SourceNode>, id: string, language: string): string {
  return `/${language}/${sources.get(id)?.text[language]?.slug ?? ''}/`;
}

/** Breadth first from home, the order in which a reader following links meets the pages. */
function readingOrder(sources: ReadonlyMap<string, SourceNode>, language: string): string[] {
  const order = ['home'];
  for (let index = 0; index < order.length; index++) {
    const source = sources.get(order[index] ?? '');
    if (!source) continue;
    const { tasks = [], profiles = [] } = source.meta;
    for (const next of [...profiles, ...tasks, ...linkTargets(source, language)]) {
      if (!order.includes(next)) order.push(next);
    }
  }
  return order;
}
