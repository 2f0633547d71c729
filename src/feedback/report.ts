import { REPORT_WINDOWS, type PageTally, type ReportWindow } from './model';

/** The window pages are ranked by: long enough to have votes, short enough to be current. */
export const RANKING_WINDOW: ReportWindow = 30;

/** The share of yes votes, or null without any vote. */
export function usefulRate(votes: { yes: number; no: number }): number | null {
  const total = votes.yes + votes.no;
  return total === 0 ? null : votes.yes / total;
}

/**
 * Worst first: the lowest useful rate over the ranking window, more « no » votes first when
 * rates are equal; pages without votes in that window come last, by their 90-day rate.
 */
export function worstFirst(tallies: readonly PageTally[]): PageTally[] {
  const rank = (tally: PageTally): [number, number, number] => [
    usefulRate(tally.votes[RANKING_WINDOW]) ?? 2,
    -tally.votes[RANKING_WINDOW].no,
    usefulRate(tally.votes[90]) ?? 2,
  ];
  return [...tallies].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.path.localeCompare(b.path);
  });
}

function cell(votes: { yes: number; no: number }): string {
  const rate = usefulRate(votes);
  const percent = rate === null ? '–' : `${Math.round(rate * 100)}%`;
  return `${votes.yes} yes ${votes.no} no ${percent.padStart(4)}`;
}

/** The report editors read in a terminal: one line per page and language. */
export function formatReport(tallies: readonly PageTally[], now: Date): string {
  const day = now.toISOString().slice(0, 10);
  if (tallies.length === 0) return `No feedback in the 90 days up to ${day}.\n`;
  const rows = worstFirst(tallies).map((tally) => [
    tally.path,
    tally.language,
    ...REPORT_WINDOWS.map((days) => cell(tally.votes[days])),
    String(tally.comments),
  ]);
  const header = [
    'page',
    'lang',
    ...REPORT_WINDOWS.map((days) => `last ${days} days`),
    'comments (90 days)',
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((text, column) => text.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [
    `Useful rate per page and language up to ${day}, worst first (ranked by the last ${RANKING_WINDOW} days).`,
    '',
    line(header),
    ...rows.map(line),
    '',
  ].join('\n');
}
