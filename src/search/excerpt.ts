import { tokens } from './normalize';
import { findPhrasesAndParts, groupToken, type PhraseTable } from './phrases';

/** A short text to show under a result, with what the query matched set apart. */
export type Excerpt = readonly { text: string; marked: boolean }[];

/** A stretch of text that a query may match: a word, or a known phrase (its group's token). */
interface Mark {
  start: number;
  end: number;
  token: string;
}

/** A text made ready at start: its words and phrases found once, so a query only looks up. */
export interface ExcerptSource {
  text: string;
  /** In text order; a phrase comes before the words it starts with. */
  marks: readonly Mark[];
}

export function excerptSource(
  text: string,
  ignored: ReadonlySet<string>,
  phrases: PhraseTable,
): ExcerptSource {
  const words = tokens(text).filter(({ folded }) => !ignored.has(folded));
  const marks: Mark[] = words.map(({ start, end, folded }) => ({ start, end, token: folded }));
  for (const { start, length, group } of findPhrasesAndParts(
    words.map(({ folded }) => folded),
    phrases,
  )) {
    const first = words[start];
    const last = words[start + length - 1];
    if (first && last) marks.push({ start: first.start, end: last.end, token: groupToken(group) });
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  return { text, marks };
}

/** Around the first match in a long text: this much before it, and after. */
const BEFORE = 60;
const AFTER = 110;

function marked(source: ExcerptSource, from: number, to: number, matched: ReadonlySet<string>) {
  const parts: { text: string; marked: boolean }[] = [];
  let at = from;
  for (const { start, end, token } of source.marks) {
    if (start < at || end > to || !matched.has(token)) continue;
    if (start > at) parts.push({ text: source.text.slice(at, start), marked: false });
    parts.push({ text: source.text.slice(start, end), marked: true });
    at = end;
  }
  if (at < to) parts.push({ text: source.text.slice(at, to), marked: false });
  return parts;
}

/**
 * The page's own summary when it holds a match; else the part of its text around the first
 * match, cut at word boundaries; else the summary as it is.
 */
export function excerptOf(
  summary: ExcerptSource,
  body: ExcerptSource,
  matched: ReadonlySet<string>,
): Excerpt {
  const whole = () => marked(summary, 0, summary.text.length, matched);
  if (summary.marks.some(({ token }) => matched.has(token))) return whole();
  const first = body.marks.find(({ token }) => matched.has(token));
  if (!first) return whole();
  const start = body.marks.find((mark) => mark.start >= first.start - BEFORE)?.start ?? 0;
  const end = body.marks.findLast((mark) => mark.end <= first.end + AFTER)?.end ?? first.end;
  return [
    ...(start > 0 ? [{ text: '…', marked: false }] : []),
    ...marked(body, start, end, matched),
    ...(end < body.text.length ? [{ text: '…', marked: false }] : []),
  ];
}
