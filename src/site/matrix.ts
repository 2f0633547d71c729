import type { Language } from '../content/tree';
import {
  generatedPath,
  homeCrumb,
  layoutView,
  linkTo,
  textOf,
  translator,
  type RenderContext,
} from './layout';
import { finalAnswers } from './verdicts';

/**
 * « Qui peut faire quoi ? »: a row per topic, a column per profile, and in each cell the
 * verdicts of that profile's answer, each linked to the precise outcome. Derived from the
 * tree, so the table can never disagree with the answers.
 */
export function renderMatrixPage(context: RenderContext, language: Language): string {
  const t = translator(context, language);
  const { profiles, topics } = context.tree;
  const rows = topics.map((topic) => ({
    ...linkTo(topic, language),
    cells: profiles.map((profile) => {
      const task = topic.tasks.find((candidate) => candidate.profile === profile);
      const profileTitle = textOf(profile, language).title;
      return {
        profile: profileTitle,
        // Screen readers hear which profile and which task a cell answers before its verdict.
        label: t('matrix.cellLabel', {
          profile: profileTitle,
          task: textOf(task ?? topic, language).title,
        }),
        answers: task
          ? finalAnswers(task, language, t).map((answer) => ({
              kind: answer.verdict.kind,
              path: textOf(answer.node, language).path,
              text:
                answer.conditions.length > 0
                  ? t('matrix.conditional', {
                      verdict: answer.verdict.short,
                      condition: answer.conditions.join(' '),
                    })
                  : answer.verdict.short,
            }))
          : [],
      };
    }),
  }));
  return context.views.render('pages/matrix.njk', {
    ...layoutView(context, language, {
      title: t('matrix.title'),
      description: t('matrix.description'),
      pathIn: (other) => generatedPath(context, 'matrix', other),
      breadcrumb: [homeCrumb(context, language)],
      current: t('matrix.title'),
      feedback: 'matrix',
    }),
    matrix: { profiles: profiles.map((profile) => linkTo(profile, language)), rows },
  });
}
