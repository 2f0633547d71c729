import { foldWithOffsets } from './normalize';

/** A short excerpt with the matched word set apart, for the template to escape and mark. */
export interface Snippet {
  before: string;
  match: string;
  after: string;
}

const BEFORE = 60;
const AFTER = 110;

function cutAtWord(text: string, fromStart: boolean): string {
  const space = fromStart ? text.indexOf(' ') : text.lastIndexOf(' ');
  if (space < 0) return text;
  return fromStart ? text.slice(space + 1) : text.slice(0, space);
}

/** The excerpt of `text` around the first word starting with one of `terms` (folded). */
export function snippetOf(text: string, terms: readonly string[]): Snippet | null {
  const { folded, origin } = foldWithOffsets(text);
  let best: { start: number; length: number } | null = null;
  // A whole word matched is a better excerpt than a word that merely starts the same.
  for (const wholeWord of [true, false]) {
    for (const term of terms) {
      const end = wholeWord ? '(?![\\p{L}\\p{N}])' : '';
      const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])(${escapeRegExp(term)})${end}`, 'u');
      const found = pattern.exec(folded);
      if (!found) continue;
      const start = found.index + (found[1]?.length ?? 0);
      if (!best || start < best.start) best = { start, length: term.length };
    }
    if (best) break;
  }
  if (!best) return null;
  const from = origin[best.start] ?? 0;
  const to = origin[best.start + best.length] ?? text.length;
  const wordEnd = /[\p{L}\p{N}]*/u.exec(text.slice(to))?.[0].length ?? 0;
  const headStart = Math.max(0, from - BEFORE);
  const tailEnd = Math.min(text.length, to + wordEnd + AFTER);
  const head = text.slice(headStart, from);
  const tail = text.slice(to + wordEnd, tailEnd);
  return {
    before: headStart > 0 ? `…${cutAtWord(head, true)}` : head,
    match: text.slice(from, to + wordEnd),
    after: tailEnd < text.length ? `${cutAtWord(tail, false)}…` : tail,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
