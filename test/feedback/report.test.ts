import type { PageTally } from '../../src/feedback/model';
import { formatReport, usefulRate, worstFirst } from '../../src/feedback/report';

function tally(path: string, yes30: number, no30: number, yes90 = yes30, no90 = no30): PageTally {
  return {
    pageId: path,
    language: 'fr',
    path,
    votes: { 7: { yes: 0, no: 0 }, 30: { yes: yes30, no: no30 }, 90: { yes: yes90, no: no90 } },
    comments: 0,
  };
}

describe('the editors’ report', () => {
  it('computes the useful rate, and has none without votes', () => {
    expect(usefulRate({ yes: 3, no: 1 })).toBe(0.75);
    expect(usefulRate({ yes: 0, no: 0 })).toBeNull();
  });

  it('puts the worst pages first: lowest rate, then more « no », then pages without recent votes', () => {
    const order = worstFirst([
      tally('/good/', 9, 1),
      tally('/quiet/', 0, 0, 0, 5),
      tally('/bad-few/', 0, 1),
      tally('/silent/', 0, 0),
      tally('/bad-many/', 0, 4),
      tally('/middle/', 1, 1),
    ]).map((row) => row.path);
    expect(order).toEqual(['/bad-many/', '/bad-few/', '/middle/', '/good/', '/quiet/', '/silent/']);
  });

  it('prints one aligned line per page and language, with counts and rates', () => {
    const text = formatReport(
      [tally('/fr/a/', 1, 3), tally('/fr/b/', 3, 1)],
      new Date('2026-06-30T00:00:00Z'),
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toContain('2026-06-30');
    expect(lines[2]).toMatch(/^page\s+lang\s+last 7 days\s+last 30 days\s+last 90 days\s+comments/);
    expect(lines[3]).toMatch(
      /^\/fr\/a\/\s+fr\s+0 yes 0 no\s+–\s+1 yes 3 no\s+25%\s+1 yes 3 no\s+25%\s+0$/,
    );
    expect(lines[4]).toMatch(/^\/fr\/b\/.*75%/);
    expect(lines).toHaveLength(5);
  });

  it('says so when there is nothing to report', () => {
    expect(formatReport([], new Date('2026-06-30T00:00:00Z'))).toMatch(/^No feedback/);
  });
});
