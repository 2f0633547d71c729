import { requiredText, textIn, type ContentNode, type Language } from '../content/tree';
import type { Translate } from './i18n';
import type { VerdictKind } from '../content/fields';

/** A verdict as the visitor reads it: a sentence, and the short form the table uses. */
export interface VerdictView {
  kind: VerdictKind;
  /** « Oui, vous pouvez le faire vous-même. » / « Non : seul le RAE peut le faire. » */
  sentence: string;
  /** « Oui » / « Non – le RAE » / « Cela dépend ». */
  short: string;
}

/** Where a flow ends, with its verdict and the situation that leads there. */
export interface FinalAnswer {
  node: ContentNode;
  verdict: VerdictView;
  /** The conditions met on the way, in order ("si vous êtes aussi le RAE"). */
  conditions: string[];
}

/** The profiles who may act, with their articles, joined as the language joins choices. */
export function whoActs(profiles: readonly ContentNode[], language: Language): string {
  const names = profiles.map((profile) => requiredText(profile, language, 'withArticle'));
  return new Intl.ListFormat(language.tag, { type: 'disjunction' }).format(names);
}

/** The verdict of a task or outcome in one language; undefined for nodes without one. */
export function verdictOf(
  node: ContentNode,
  language: Language,
  t: Translate,
): VerdictView | undefined {
  const verdict = node.verdict;
  if (!verdict) return undefined;
  const who = whoActs(verdict.who, language);
  return {
    kind: verdict.kind,
    sentence: t(`verdict.${verdict.kind}`, { who }),
    short: t(`verdict.short.${verdict.kind}`, { who }),
  };
}

/**
 * Every final answer a task can end on, each with the conditions that lead there: one entry
 * for a task answered outright, one per outcome for a task that asks.
 */
export function finalAnswers(task: ContentNode, language: Language, t: Translate): FinalAnswer[] {
  const walk = (node: ContentNode, conditions: string[]): FinalAnswer[] => {
    if (node.options.length > 0) {
      return node.options.flatMap((next) =>
        walk(next, [...conditions, requiredText(next, language, 'condition')]),
      );
    }
    const verdict = verdictOf(node, language, t);
    return verdict ? [{ node, verdict, conditions }] : [];
  };
  return walk(task, []);
}

/** The meta description of a page with a verdict opens with the verdict itself. */
export function describedWithVerdict(node: ContentNode, language: Language, t: Translate): string {
  const description = textIn(node, language).description;
  const verdict = verdictOf(node, language, t);
  return verdict ? `${verdict.sentence} ${description}` : description;
}
