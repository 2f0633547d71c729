/** One thing wrong with the content, located as precisely as the source allows. */
export interface ContentProblem {
  /** Path relative to the project root, e.g. `content/pages/about.yaml`. */
  file: string;
  line: number;
  message: string;
  /** A warning is shown to the author but does not stop the site. */
  severity?: 'warning';
}

/** Thrown when the content cannot be served; carries every problem found, not just the first. */
export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(`${problems.length} content problem(s):\n${formatProblems(problems)}`);
    this.name = 'ContentError';
  }
}

export function formatProblem({ file, line, message, severity }: ContentProblem): string {
  return `${file}:${line}: ${severity === 'warning' ? 'warning: ' : ''}${message}`;
}

export function formatProblems(problems: readonly ContentProblem[]): string {
  return [...problems]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
    .map(formatProblem)
    .join('\n');
}
