import type { AxeBuilder } from '@axe-core/playwright';
import { axeResults, open, pageForBlock, visits } from './support';

type Results = Awaited<ReturnType<AxeBuilder['analyze']>>;

/** One paragraph per violation: what is wrong, where, and how to fix it. */
function describeViolations(violations: Results['violations']): string {
  return violations
    .map((violation) => {
      const where = violation.nodes
        .map(
          (node) =>
            `    at ${node.target.join(' ')}\n      ${node.html}\n      ${node.failureSummary ?? ''}`,
        )
        .join('\n');
      return `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n  ${violation.helpUrl}\n${where}`;
    })
    .join('\n\n');
}

describe('axe-core, WCAG 2.2 AA and best practices', () => {
  const currentPage = pageForBlock();

  it.each(visits)('finds no violation on $name ($path)', async (visit) => {
    const page = currentPage();
    await open(page, visit);
    const results = await axeResults(page);
    expect(results.passes.length).toBeGreaterThan(0);
    expect(describeViolations(results.violations)).toBe('');
  });
});
