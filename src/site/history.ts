import type { ContentNode, ContentTree, HistoryLine, Language } from '../content/tree';
import { textOf } from './layout';

/** One dated change of one page, as the history page and the feed list it. */
export interface HistoryEntry {
  node: ContentNode;
  line: HistoryLine;
  /**
   * Which of the page's changes of that day it is, counted from the first: with the date and
   * the page, it names the entry for ever, however many changes come after it.
   */
  ordinal: number;
}

/** Every change of every page in one language, newest first; a day's in reading order. */
export function historyEntries(tree: ContentTree, language: Language): HistoryEntry[] {
  const entries = tree.nodes.flatMap((node) => {
    const lines = textOf(node, language).history;
    // Lines are written newest first: a day's first change is the last of that day listed.
    return lines.map((line, index) => ({
      node,
      line,
      ordinal: lines.slice(index).filter((other) => other.date === line.date).length,
    }));
  });
  // A stable sort keeps the reading order among the changes of one day.
  return entries.sort((a, b) =>
    a.line.date < b.line.date ? 1 : a.line.date > b.line.date ? -1 : 0,
  );
}
