import type { ContentTree } from '../content/tree';
import { NAMES, TITLE, type LanguageIndex } from './index';
import type { RankedDocument, Ranking } from './rank';

/** The bit of a hit's `fields` for the names field. */
const NAMES_BIT = 1 << NAMES;

/**
 * Whether an outcome was found by its situation ("pas encore enregistrée"): a part of the
 * query matched the words its title adds to its task's, and it ranks above its task.
 */
function foundBySituation(
  hits: RankedDocument['hits'],
  score: number,
  task: { id: string; score: number },
  index: LanguageIndex,
): boolean {
  if (task.score >= score) return false;
  const taskTitleLength = index.words[index.byId.get(task.id) ?? -1]?.[TITLE]?.length ?? 0;
  return hits.some((hit) =>
    hit?.spans.some(({ field, end }) => field === TITLE && end >= taskTitleLength),
  );
}

/**
 * The ranked pages as the lines a visitor reads, best first, at most `maxLines`, each the id of
 * the page it leads to:
 * - a task or outcome whose profile the query names ("RAE qualité") is an answer of its own:
 *   the best of the task and its outcomes, once per task;
 * - so is an outcome found by its situation, that ranks above its own task;
 * - any other task or outcome is one line for its topic, which lists every profile's answer,
 *   instead of one near-identical line per profile and outcome;
 * - a task found only by its profile's name ("GAP") is one line for the profile, which lists
 *   its tasks;
 * - every other page is a line of its own.
 */
export function resultLines(
  ranking: Ranking,
  index: LanguageIndex,
  tree: ContentTree,
  maxLines: number,
): string[] {
  const lines: string[] = [];
  const answeredTasks = new Set<string>();
  const ranked = new Map(
    ranking.documents.map((ranked) => [index.documents[ranked.document]?.id ?? '', ranked]),
  );
  const add = (id: string) => {
    if (!lines.includes(id)) lines.push(id);
  };
  for (const { document, hits, score } of ranking.documents) {
    if (lines.length >= maxLines) break;
    const id = index.documents[document]?.id ?? '';
    const node = tree.byId.get(id);
    const task = node?.kind === 'outcome' ? node.task : node?.kind === 'task' ? node : undefined;
    if (!node || !task) {
      add(id);
      continue;
    }
    // Whether the query names the profile who asks, and whether it says nothing else of it.
    const found = hits.filter((hit) => hit !== undefined);
    const byName = found.some((hit) => (hit.fields & NAMES_BIT) !== 0);
    const onlyByName = found.every((hit) => (hit.fields & NAMES_BIT) !== 0);
    const bySituation =
      node !== task &&
      foundBySituation(hits, score, { id: task.id, score: ranked.get(task.id)?.score ?? 0 }, index);
    if (onlyByName && task.profile) add(task.profile.id);
    else if (byName || bySituation) {
      if (answeredTasks.has(task.id)) continue;
      answeredTasks.add(task.id);
      add(id);
    } else add(task.topic?.id ?? id);
  }
  return lines;
}
