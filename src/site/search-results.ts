import type { LanguageSearchSettings, SearchSettings } from '../content/search-settings';
import { textIn, type ContentNode, type ContentTree } from '../content/tree';
import type { FoundPage, FoundPages } from '../search/found';
import type { SearchDocument } from '../search/index';
import { createSearchEngine, type GroupResults, type SiteSearch } from '../search/search';
import type { SearchLimits } from '../search/work';

const NO_SETTINGS: LanguageSearchSettings = { ignore: [], synonyms: [], forWhom: [] };

/** What search reads of a content node in one language. */
function documentOf(node: ContentNode, language: string): SearchDocument {
  const text = textIn(node, language);
  const profile = node.kind === 'profile' ? node : node.profile;
  const names = profile ? textIn(profile, language) : undefined;
  return {
    id: node.id,
    kind: node.kind,
    fields: {
      title: text.title,
      // A site page's slug is its short name ("contact", "definitions") when its title is a
      // question; a task's names are its profile's, in every form.
      names:
        node.kind === 'page'
          ? text.slug
          : [names?.title, names?.asRole, names?.currentName].filter(Boolean).join(' · '),
      description: text.description,
      question: [text.question, ...Object.values(text.answers)].filter(Boolean).join(' · '),
      text: text.plainText,
    },
  };
}

/**
 * Whether an outcome was found by its situation ("pas encore enregistrée"): a part of the
 * query matched the words its title adds to its task's, and it ranks above its task and topic.
 */
function foundBySituation(page: FoundPage, task: ContentNode, found: FoundPages): boolean {
  // Below its topic, the query is about the topic (its title, typed as it is, names situations).
  const above = [task.id, ...(task.topic ? [task.topic.id] : [])];
  if (above.some((id) => found.scoreOf(id) >= page.score)) return false;
  const taskTitleLength = found.titleLength(task.id);
  // A word that is also in the task's own title (« entreprise » in « … de mon entreprise »)
  // says nothing of the situation, even where the outcome's title says it again.
  return page.parts.some(({ firstTitleWord }) => firstTitleWord >= taskTitleLength);
}

/**
 * Whether the query names the profile who asks. A profile's name that the title also holds is
 * what the task is about (« remplacer le Gestionnaire d'Accès Principal »), unless another part
 * of the query matched that word of the title too (« … for the Chief Access Manager »): then
 * the name was given twice, once for who asks.
 */
function namesWhoAsks(parts: FoundPage['parts']): boolean {
  return parts.some(
    (named) =>
      named.fields.includes('names') &&
      (named.lastTitleWord < 0 ||
        parts.some((other) => other !== named && other.lastTitleWord === named.lastTitleWord)),
  );
}

/**
 * The pages found as the lines a visitor reads, best first, at most `maxLines`, each the id of
 * the page it leads to:
 * - a task or outcome whose profile the query names ("RAE qualité") is an answer of its own:
 *   the best of the task and its outcomes, once per task, and before its topic's line if that
 *   came first: who names a profile wants that profile's answer;
 * - so is an outcome found by its situation (see foundBySituation), unless its profile is named
 *   as whom the task is for (« à un utilisateur »);
 * - any other task or outcome is one line for its topic, which lists every profile's answer,
 *   instead of one near-identical line per profile and outcome;
 * - a task found only by its profile's name ("GAP") is one line for the profile, which lists
 *   its tasks;
 * - every other page is a line of its own.
 */
export function resultLines(tree: ContentTree): GroupResults {
  return (found, maxLines) => {
    const lines: string[] = [];
    const answeredTasks = new Set<string>();
    const add = (id: string) => {
      if (!lines.includes(id)) lines.push(id);
    };
    for (const page of found.pages) {
      if (lines.length >= maxLines) break;
      const { id, parts } = page;
      const node = tree.byId.get(id);
      const task = node?.kind === 'outcome' ? node.task : node?.kind === 'task' ? node : undefined;
      if (!node || !task) {
        add(id);
        continue;
      }
      const byName = namesWhoAsks(parts);
      const onlyByName = parts.every(({ fields }) => fields.includes('names'));
      const bySituation = node !== task && !page.askedFor && foundBySituation(page, task, found);
      if (onlyByName && task.profile) add(task.profile.id);
      else if (byName || bySituation) {
        if (answeredTasks.has(task.id)) continue;
        answeredTasks.add(task.id);
        // The answer of the profile the query names comes before its topic's line.
        const topicLine = byName && task.topic ? lines.indexOf(task.topic.id) : -1;
        if (topicLine >= 0 && !lines.includes(id)) lines.splice(topicLine, 0, id);
        else add(id);
      } else add(task.topic?.id ?? id);
    }
    return lines;
  };
}

/**
 * The site's search: one index per language of every content node and any pages the site
 * generates (`generated`), its results grouped by topic and profile.
 */
export function createSearch(
  tree: ContentTree,
  settings: SearchSettings,
  options: {
    generated?: (language: string) => SearchDocument[];
    limits?: SearchLimits;
  } = {},
): SiteSearch {
  return createSearchEngine(
    tree.languages.map(({ code }) => ({
      code,
      documents: [
        ...tree.nodes.map((node) => documentOf(node, code)),
        ...(options.generated?.(code) ?? []),
      ],
      settings: settings[code] ?? NO_SETTINGS,
    })),
    { group: resultLines(tree), limits: options.limits },
  );
}
