import { optionOwners, readingOrder, TOPICS_PAGE_ID } from './graph';
import { isNodeReference, referenceParts } from './links';
import { plainText, renderMarkdown, type LinkRenderEnv } from './markdown';
import type { GlossaryText, Source, VerdictKind } from './fields';
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
  /** One plain sentence near the top when the original wizard's step is gone or renamed. */
  noticeHtml: string;
  bodyHtml: string;
  noteHtml: string;
  /** What the official sites say today, where the original wizard is out of date. */
  /** Notice, body, note and history as plain words, for search. */
  plainText: string;
  /** Dated changes of what the page says, newest first. */
  history: HistoryLine[];
  /** The official pages the answer rests on. */
  sources: SourceText[];
  /** For nodes that ask a question: the question, the page's h1. */
  question?: string;
  /** For nodes that ask a question: each option's words, by the id of the node it leads to. */
  answers: Readonly<Record<string, string>>;
  /** For outcomes: the situation they answer ("si vous êtes aussi le RAE"). */
  condition?: string;
  /** For profiles: the name after "Je suis", and with its article ("le RAE"). */
  asRole?: string;
  withArticle?: string;
  /** For profiles: today's official name, when it differs. */
  currentName?: string;
}

/** A dated change of a page: « Modifié le 4 décembre 2026 : … ». */
export interface HistoryLine {
  /** YYYY-MM-DD. */
  date: string;
  changeHtml: string;
  /** The change as plain words, for feeds and search. */
  changeText: string;
}

/** An official page an answer rests on, as a page shows it. */
export interface SourceText {
  title: string;
  url: string;
  /** The host, without `www.`: `socialsecurity.be`. */
  publisher: string;
  /** The source's language, when it is not the page's: its code, for `hreflang` and `lang`. */
  language?: string;
  /** What the language is called in the page's language: "en néerlandais". */
  languageLabel?: string;
  quote: string;
  /** YYYY-MM-DD. */
  checked: string;
  /** When this page says otherwise than the answer: what it says. */
  differs?: string;
}

/** A word the guide explains, in one language. */
export interface GlossaryEntry {
  id: string;
  term: string;
  /** The term and its other forms, as found in texts. */
  forms: string[];
  definitionHtml: string;
  sources: SourceText[];
}

/** What a language says about links: "(site externe)", and each language's name ("en français"). */
export interface LinkLabels {
  external: string;
  inLanguage: Readonly<Record<string, string>>;
}

export interface Verdict {
  kind: VerdictKind;
  /** With `other`: the profile who must act, or those who may; empty otherwise. */
  who: ContentNode[];
}

export interface ContentNode {
  id: string;
  kind: NodeKind;
  file: string;
  /** Breadcrumb ancestors, from home down to the parent. */
  trail: ContentNode[];
  /** The node whose URL this node's URL continues: `/fr/{profile}/{task}/{outcome}/`. */
  urlParent?: ContentNode;
  /** For tasks and their outcomes: the profile who asks. */
  profile?: ContentNode;
  /** For outcomes: the task whose question led here. */
  task?: ContentNode;
  /** For tasks and their outcomes: what is asked, whoever asks it; the same across profiles. */
  topic?: ContentNode;
  /** For tasks and outcomes: can the visitor do it themselves? */
  verdict?: Verdict;
  /** For outcomes and steps: the node whose question they answer. */
  previous?: ContentNode;
  /** For nodes that ask a question: where each option leads, in order. */
  options: ContentNode[];
  /** For profiles: their tasks in order. For topics: the tasks about them, in profile order. */
  tasks: ContentNode[];
  /** For pages that offer a choice of profiles. */
  profiles: ContentNode[];
  /** When a person last checked the file against the official pages (YYYY-MM-DD). */
  reviewed?: string;
  text: Record<string, PageText>;
}

export interface ContentTree {
  languages: Language[];
  home: ContentNode;
  /** Every node, in the order a reader meets them from home (breadth first). */
  nodes: ContentNode[];
  byId: ReadonlyMap<string, ContentNode>;
  profiles: ContentNode[];
  /** Topics in the order their first task is met. */
  topics: ContentNode[];
  /** Old paths from content/redirects.yaml, each with the canonical path it now leads to. */
  redirects: ReadonlyMap<string, string>;
  /** The glossary's entries per language, in the order of the file. */
  glossary: Readonly<Record<string, GlossaryEntry[]>>;
}

/**
 * One language's text of a node, which validation guarantees: a missing one is a bug, and
 * fails here, loudly, rather than rendering a blank.
 */
export function textIn(node: ContentNode, language: Language | string): PageText {
  const code = typeof language === 'string' ? language : language.code;
  const text = node.text[code];
  if (!text) throw new Error(`${node.file}: no "${code}" text for "${node.id}"`);
  return text;
}

/** A field the node's kind requires, in one language: it fails loudly when it is missing. */
export function requiredText<F extends keyof PageText>(
  node: ContentNode,
  language: Language | string,
  field: F,
): NonNullable<PageText[F]> {
  const value = textIn(node, language)[field];
  if (value === undefined || value === null) {
    const code = typeof language === 'string' ? language : language.code;
    throw new Error(`${node.file}: ${code}.${String(field)} is missing for "${node.id}"`);
  }
  return value as NonNullable<PageText[F]>;
}

/** The profile of a task or an outcome, which the tree always links. */
export function profileOf(node: ContentNode): ContentNode {
  if (!node.profile) throw new Error(`${node.file}: "${node.id}" has no profile`);
  return node.profile;
}

/** The words of the option of `question` that leads to `option`: validation guarantees them. */
export function answerWords(
  question: ContentNode,
  option: ContentNode,
  language: Language | string,
): string {
  const words = requiredText(question, language, 'answers')[option.id];
  if (words === undefined) {
    throw new Error(`${question.file}: no words for the option "${option.id}"`);
  }
  return words;
}

function capitalise(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/** Builds the tree from nodes that have passed validation, so every reference resolves. */
export function buildTree(
  sources: ReadonlyMap<string, SourceNode>,
  languages: Language[],
  linkLabels: Readonly<Record<string, LinkLabels>>,
  glossary: Readonly<Record<string, Readonly<Record<string, GlossaryText>>>> = {},
): Omit<ContentTree, 'redirects'> {
  const order = readingOrder(sources, languages[0]?.code ?? '');
  const byId = new Map<string, ContentNode>();
  for (const id of order) {
    const source = sources.get(id);
    if (!source) continue;
    byId.set(id, {
      id,
      kind: source.kind,
      file: source.file,
      trail: [],
      options: [],
      tasks: [],
      profiles: [],
      reviewed: source.meta.reviewed,
      text: {},
    });
  }
  const get = (id: string): ContentNode => {
    const node = byId.get(id);
    if (!node) throw new Error(`unvalidated reference to "${id}"`);
    return node;
  };
  const nodes = [...byId.values()];

  linkNodes(sources, nodes, get);
  for (const node of nodes) {
    node.trail = trailOf(node, sources, get);
    node.urlParent = urlParent(node, get);
  }
  for (const language of languages) {
    for (const node of nodes) textOf(node, sources, language, get);
  }
  const glossaries: Record<string, GlossaryEntry[]> = {};
  for (const language of languages) {
    glossaries[language.code] = renderTexts(sources, glossary, nodes, language, linkLabels, get);
  }

  return {
    languages,
    home: get('home'),
    nodes,
    byId,
    profiles: nodes.filter((node) => node.kind === 'profile'),
    // In the order of their first task, profile by profile: the order a reader meets them.
    topics: [
      ...new Set(
        nodes.flatMap((node) => (node.kind === 'profile' ? node.tasks : [])).map((t) => t.topic),
      ),
    ].filter((topic): topic is ContentNode => topic !== undefined),
    glossary: glossaries,
  };
}

function linkNodes(
  sources: ReadonlyMap<string, SourceNode>,
  nodes: ContentNode[],
  get: (id: string) => ContentNode,
): void {
  const owners = optionOwners(sources);
  for (const node of nodes) {
    const { meta } = sources.get(node.id) as SourceNode;
    node.options = (meta.options ?? []).map(get);
    node.tasks = (meta.tasks ?? []).map(get);
    node.profiles = (meta.profiles ?? []).map(get);
    const previous = owners.get(node.id)?.[0];
    if (previous && (node.kind === 'outcome' || node.kind === 'step'))
      node.previous = get(previous.id);
    if (meta.verdict) {
      const who = typeof meta.who === 'string' ? [meta.who] : (meta.who ?? []);
      node.verdict = { kind: meta.verdict, who: who.map(get) };
    }
    if (meta.topic) node.topic = get(meta.topic);
  }
  // Profiles, then their tasks, then outcomes: each takes what its parent already knows.
  for (const profile of nodes.filter((node) => node.kind === 'profile')) {
    for (const task of profile.tasks) {
      task.profile = profile;
      task.topic?.tasks.push(task);
    }
  }
  for (const node of nodes) {
    const first = flowRoot(node);
    if (node.kind === 'outcome' && first) {
      node.task = first;
      node.profile = first.profile;
      node.topic = first.topic;
    }
  }
}

/** The task or page whose question, asked first, leads to this outcome or step. */
function flowRoot(node: ContentNode): ContentNode | undefined {
  let root = node.previous;
  while (root?.previous) root = root.previous;
  return root;
}

function trailOf(
  node: ContentNode,
  sources: ReadonlyMap<string, SourceNode>,
  get: (id: string) => ContentNode,
): ContentNode[] {
  const above = aboveInTrail(node, sources, get);
  return above ? [...trailOf(above, sources, get), above] : [];
}

/** The page above in the breadcrumb. */
function aboveInTrail(
  node: ContentNode,
  sources: ReadonlyMap<string, SourceNode>,
  get: (id: string) => ContentNode,
): ContentNode | undefined {
  if (node.previous) return node.previous;
  if (node.kind === 'task') return node.profile;
  if (node.kind === 'topic') return get(TOPICS_PAGE_ID);
  const parent = sources.get(node.id)?.meta.parent;
  return parent ? get(parent) : undefined;
}

/** The node whose URL this node's URL continues, if any: `/fr/{profile}/{task}/{outcome}/`. */
function urlParent(node: ContentNode, get: (id: string) => ContentNode): ContentNode | undefined {
  if (node.previous) return node.previous;
  if (node.kind === 'task') return node.profile;
  if (node.kind === 'topic') return get(TOPICS_PAGE_ID);
  return undefined;
}

function textOf(
  node: ContentNode,
  sources: ReadonlyMap<string, SourceNode>,
  language: Language,
  get: (id: string) => ContentNode,
): PageText {
  const done = node.text[language.code];
  if (done) return done;
  const text = sources.get(node.id)?.text[language.code];
  if (!text) throw new Error(`unvalidated missing text for ${node.id}`);
  const parent = urlParent(node, get);
  const parentText = parent ? textOf(parent, sources, language, get) : undefined;
  const slug = text.slug ?? '';
  const base = parentText?.path ?? `/${language.code}/`;
  // An outcome is named by its task's title and the situation it answers.
  const title =
    text.title ?? [node.previous && parentText?.title, text.condition].filter(Boolean).join(' ');
  const page: PageText = {
    title,
    heading: capitalise(title, language.tag),
    description: text.description,
    slug,
    path: slug ? `${base}${slug}/` : base,
    noticeHtml: '',
    bodyHtml: '',
    noteHtml: '',
    plainText: [
      text.notice,
      text.body,
      text.note,
      ...(text.history ?? []).map((entry) => entry.change),
    ]
      .map((markdown) => plainText(markdown ?? ''))
      .join(' ')
      .trim(),
    history: [],
    sources: [],
    question: text.question,
    answers: text.answers ?? {},
    condition: text.condition,
    asRole: text.asRole,
    withArticle: text.withArticle,
    currentName: text.currentName,
  };
  node.text[language.code] = page;
  return page;
}

function sourceText(source: Source, labels: LinkLabels | undefined): SourceText {
  return {
    title: source.title,
    url: source.url,
    publisher: new URL(source.url).hostname.replace(/^www\./, ''),
    language: source.language,
    languageLabel: source.language ? labels?.inLanguage[source.language] : undefined,
    quote: source.quote,
    checked: source.checked,
    differs: source.differs,
  };
}

/** The glossary in one language: each entry's words, its definition rendered, its sources. */
function glossaryIn(
  glossary: Readonly<Record<string, Readonly<Record<string, GlossaryText>>>>,
  language: Language,
  labels: LinkLabels | undefined,
  env: () => LinkRenderEnv,
): GlossaryEntry[] {
  return Object.entries(glossary).flatMap(([id, texts]) => {
    const text = texts[language.code];
    if (!text) return [];
    return [
      {
        id,
        term: text.term,
        forms: [text.term, ...(text.aliases ?? [])],
        definitionHtml: renderMarkdown(text.definition, env()),
        sources: (text.sources ?? []).map((source) => sourceText(source, labels)),
      },
    ];
  });
}

/** Renders every Markdown text of one language; returns that language's glossary. */
function renderTexts(
  sources: ReadonlyMap<string, SourceNode>,
  glossary: Readonly<Record<string, Readonly<Record<string, GlossaryText>>>>,
  nodes: readonly ContentNode[],
  language: Language,
  linkLabels: Readonly<Record<string, LinkLabels>>,
  get: (id: string) => ContentNode,
): GlossaryEntry[] {
  const labels = linkLabels[language.code];
  const internal = (href: string) => {
    const { id, fragment } = referenceParts(href);
    const path = textIn(get(id), language).path;
    return { url: fragment ? `${path}#${fragment}` : path, external: false };
  };
  const env = (): LinkRenderEnv => ({
    externalLabel: labels?.external ?? '',
    languageLabel: (code) => labels?.inLanguage[code] ?? code,
    resolve: (href: string) =>
      isNodeReference(href) ? internal(href) : { url: href, external: true },
  });
  for (const node of nodes) {
    const text = sources.get(node.id)?.text[language.code];
    const page = node.text[language.code];
    if (!text || !page) continue;
    page.noticeHtml = text.notice ? renderMarkdown(text.notice, env()) : '';
    page.bodyHtml = text.body ? renderMarkdown(text.body, env()) : '';
    page.noteHtml = text.note ? renderMarkdown(text.note, env()) : '';
    page.sources = (text.sources ?? []).map((source) => sourceText(source, labels));
    page.history = (text.history ?? []).map((entry) => ({
      date: entry.date,
      changeHtml: renderMarkdown(entry.change, env()),
      changeText: plainText(entry.change),
    }));
  }
  return glossaryIn(glossary, language, labels, env);
}
