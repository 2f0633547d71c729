import { GLOSSARY_PAGE_ID, TOPICS_PAGE_ID } from '../content/graph';
import {
  profileOf,
  requiredText,
  type ContentNode,
  type Language,
  type PageText,
  type SourceText,
} from '../content/tree';
import { writtenDate } from './dates';
import type { Translate } from './i18n';
import { optionsOf, sameTaskForOthers, todaysName, yourAnswers } from './flow';
import { layoutView, linkTo, textOf, translator, type RenderContext } from './layout';
import { describedWithVerdict, verdictOf } from './verdicts';

/** The template of each kind of node: outcomes read like tasks, steps like site pages. */
const TEMPLATES: Record<ContentNode['kind'], string> = {
  home: 'home',
  page: 'page',
  step: 'page',
  profile: 'profile',
  task: 'task',
  outcome: 'task',
  topic: 'topic',
};

/** The first node of the flow `node` belongs to: a task, or the page that asks first. */
function flowStart(node: ContentNode): ContentNode {
  return node.previous ? flowStart(node.previous) : node;
}

function titleOf(node: ContentNode, language: Language, t: Translate): string {
  const text = textOf(node, language);
  switch (node.kind) {
    case 'home':
      return t('nav.home');
    case 'topic':
      return t('topic.lead', { topic: text.title });
    case 'task':
    case 'outcome':
      return `${text.heading} – ${textOf(node.profile as ContentNode, language).title}`;
    case 'step':
      return `${text.heading} – ${textOf(flowStart(node), language).heading}`;
    default:
      return text.heading;
  }
}

/** A profile offered as a choice: its name, what it is, and today's name beside the old one. */
function profileChoice(profile: ContentNode, language: Language, t: Translate) {
  return { ...linkTo(profile, language, true), hint: todaysName(profile, language, t) };
}

/** When the page was last checked against the official pages, in the page's language. */
export function reviewedOn(node: ContentNode, language: Language): string | undefined {
  return node.reviewed ? writtenDate(node.reviewed, language) : undefined;
}

/** The official pages a page rests on, each with the day it was read, in the page's words. */
function sourcesOf(sources: readonly SourceText[], language: Language, t: Translate) {
  // One entry per official page, however many of its sentences the answer rests on.
  const byUrl = new Map<string, SourceText[]>();
  for (const source of sources) byUrl.set(source.url, [...(byUrl.get(source.url) ?? []), source]);
  return [...byUrl.values()].map((cited) => {
    const [first] = cited as [SourceText, ...SourceText[]];
    const latest =
      cited
        .map((source) => source.checked)
        .sort()
        .at(-1) ?? first.checked;
    return {
      ...first,
      checkedOn: t('sources.checked', { date: writtenDate(latest, language) }),
      quotes: cited.map((source) => ({ text: source.quote, differs: source.differs })),
    };
  });
}

/** The page's dated changes: « Modifié le 4 décembre 2026 : … ». */
function historyOf(page: PageText, language: Language, t: Translate) {
  return page.history.map((line) => ({
    label: t('history.line', { date: writtenDate(line.date, language) }),
    date: line.date,
    html: line.changeHtml,
  }));
}

/** What the template of each kind needs beyond the layout and the node's own text. */
function kindView(context: RenderContext, node: ContentNode, language: Language, t: Translate) {
  const profile = node.profile ? textOf(node.profile, language) : undefined;
  const common = {
    question: node.options.length > 0 ? optionsOf(node, language, t) : undefined,
  };
  switch (node.kind) {
    case 'profile':
      return { ...common, tasks: node.tasks.map((task) => linkTo(task, language)) };
    case 'task':
    case 'outcome': {
      const task = node.task ?? node;
      return {
        ...common,
        profile,
        // On a question page the task's title is no longer the h1, so the caption names it.
        caption: t(node.options.length > 0 ? 'task.captionWithTask' : 'task.caption', {
          role: requiredText(profileOf(node), language, 'asRole'),
          task: textOf(task, language).title,
        }),
        verdict: verdictOf(node, language, t),
        answers: yourAnswers(node, language, t),
        others: sameTaskForOthers(node, language, t),
        otherTasks: (task.profile?.tasks ?? [])
          .filter((other) => other !== task)
          .map((other) => linkTo(other, language)),
      };
    }
    case 'topic':
      return {
        ...common,
        answers: node.tasks.map((task) => ({
          ...linkTo(task.profile as ContentNode, language),
          path: textOf(task, language).path,
          todaysName: todaysName(task.profile as ContentNode, language, t),
          verdict: verdictOf(task, language, t),
        })),
        // Profiles that do not have this task, so the visitor is not left wondering.
        without: context.tree.profiles
          .filter((p) => !node.tasks.some((task) => task.profile === p))
          .map((p) => textOf(p, language).title),
      };
    default:
      return {
        ...common,
        // A page that asks names its flow above the question, as tasks name theirs.
        caption: node.options.length > 0 ? textOf(flowStart(node), language).heading : undefined,
        profiles: node.profiles.map((p) => profileChoice(p, language, t)),
        topics:
          node.id === TOPICS_PAGE_ID
            ? context.tree.topics.map((topic) => linkTo(topic, language))
            : [],
        glossary:
          node.id === GLOSSARY_PAGE_ID
            ? (context.tree.glossary[language.code] ?? []).map((entry) => ({
                ...entry,
                sources: sourcesOf(entry.sources, language, t),
              }))
            : [],
      };
  }
}

export function renderNodePage(
  context: RenderContext,
  node: ContentNode,
  language: Language,
): string {
  const t = translator(context, language);
  const page = textOf(node, language);
  const home = { title: t('nav.home'), path: textOf(context.tree.home, language).path };
  const view = {
    ...layoutView(context, language, {
      title: titleOf(node, language, t),
      description: describedWithVerdict(node, language, t),
      pathIn: (other) => textOf(node, other).path,
      breadcrumb: node.trail.map((crumb) =>
        crumb.kind === 'home' ? home : linkTo(crumb, language),
      ),
      current: node.kind === 'home' ? t('nav.home') : page.heading,
      jsonLd: node.kind !== 'home' && node.kind !== 'page',
      feedback: node.id,
      reviewed: reviewedOn(node, language),
    }),
    page,
    sources: sourcesOf(page.sources, language, t),
    history: historyOf(page, language, t),
    ...kindView(context, node, language, t),
  };
  return context.views.render(`pages/${TEMPLATES[node.kind]}.njk`, view);
}
