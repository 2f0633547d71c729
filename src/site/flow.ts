import { answerWords, requiredText, type ContentNode, type Language } from '../content/tree';
import type { Translate } from './i18n';
import { textOf } from './layout';

/** One row of « Vos réponses »: what was asked, what was answered, and where to change it. */
export interface AnswerRow {
  label: string;
  value: string;
  change: { path: string; hidden: string };
}

/** An option of a question: the words, where it leads, and today's name when it is a profile. */
export interface OptionView {
  label: string;
  path: string;
  hint?: string;
}

/** The questions answered on the way to `node`, from the first one asked. */
function answeredOnTheWay(node: ContentNode): { question: ContentNode; answer: ContentNode }[] {
  const path: { question: ContentNode; answer: ContentNode }[] = [];
  for (let answer = node; answer.previous; answer = answer.previous) {
    path.unshift({ question: answer.previous, answer });
  }
  return path;
}

/**
 * « Vos réponses » for a task or outcome: the profile (changed on the topic's page, which
 * keeps the task), the task (changed on the profile's page), and every answer on the way.
 */
export function yourAnswers(node: ContentNode, language: Language, t: Translate): AnswerRow[] {
  const task = node.task ?? node;
  const { profile, topic } = task;
  if (!profile || !topic) return [];
  const rows: AnswerRow[] = [
    {
      label: t('flow.profile'),
      value: textOf(profile, language).title,
      change: { path: textOf(topic, language).path, hidden: t('flow.changeProfile') },
    },
    {
      label: t('flow.task'),
      value: textOf(task, language).title,
      change: { path: textOf(profile, language).path, hidden: t('flow.changeTask') },
    },
  ];
  for (const { question, answer } of answeredOnTheWay(node)) {
    const asked = textOf(question, language);
    rows.push({
      label: requiredText(question, language, 'question'),
      value: answerWords(question, answer, language),
      change: {
        path: asked.path,
        hidden: t('flow.changeAnswer', { question: requiredText(question, language, 'question') }),
      },
    });
  }
  return rows;
}

/** « aujourd'hui : Gestionnaire d'Accès Principal (GAP) », where a profile's name has changed. */
export function todaysName(
  profile: ContentNode,
  language: Language,
  t: Translate,
): string | undefined {
  const { currentName } = textOf(profile, language);
  return currentName ? t('profile.currentName', { name: currentName }) : undefined;
}

export function optionsOf(node: ContentNode, language: Language, t: Translate): OptionView[] {
  return node.options.map((next) => ({
    label: answerWords(node, next, language),
    path: textOf(next, language).path,
    hint: next.kind === 'profile' ? todaysName(next, language, t) : undefined,
  }));
}

/** « Vous êtes RAE ? Voir la réponse pour le RAE »: the same task for the other profiles. */
export function sameTaskForOthers(node: ContentNode, language: Language, t: Translate) {
  const task = node.task ?? node;
  return (task.topic?.tasks ?? [])
    .filter((other) => other !== task && other.profile)
    .map((other) => {
      const profile = textOf(other.profile as ContentNode, language);
      return {
        question: t('flow.areYou', { role: profile.asRole ?? profile.title }),
        link: t('flow.seeAnswerFor', { who: profile.withArticle ?? profile.title }),
        path: textOf(other, language).path,
      };
    });
}
