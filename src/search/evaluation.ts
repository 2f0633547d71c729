import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { SiteSearch } from './search';

/** What `npm test` holds search to, in every language the site has. */
export const EVALUATION_TARGETS = { recallAt3: 0.9, mrr: 0.8 } as const;
/** Fewer queries than this say too little about a language. */
export const MIN_QUERIES_PER_LANGUAGE = 40;

const benchmarkQuerySchema = z.strictObject({
  query: z.string().trim().min(1),
  answers: z.array(z.string().min(1)).min(1),
});
const benchmarkSchema = z.record(z.string(), z.array(benchmarkQuerySchema));

export type BenchmarkQuery = z.infer<typeof benchmarkQuerySchema>;
/** `test/search/queries.yaml`: by language code, what visitors type and the pages that answer. */
export type Benchmark = z.infer<typeof benchmarkSchema>;

export function readBenchmark(file: string): Benchmark {
  return benchmarkSchema.parse(parse(readFileSync(file, 'utf8')) ?? {});
}

export interface QueryOutcome {
  query: string;
  answers: readonly string[];
  /** The ids of the result lines, best first. */
  results: string[];
  /** 1-based rank of the first right answer; undefined when none is listed. */
  rank?: number;
}

export interface Scores {
  queries: number;
  /** Share of queries with a right answer among the first three lines. */
  recallAt3: number;
  /** Mean of 1 / the rank of the first right answer (0 when there is none). */
  mrr: number;
}

export interface LanguageEvaluation extends Scores {
  language: string;
  outcomes: QueryOutcome[];
}

export interface Evaluation {
  languages: LanguageEvaluation[];
  overall: Scores;
}

function scores(outcomes: readonly QueryOutcome[]): Scores {
  const count = outcomes.length;
  const within3 = outcomes.filter(({ rank }) => rank !== undefined && rank <= 3).length;
  const reciprocal = outcomes.reduce((sum, { rank }) => sum + (rank ? 1 / rank : 0), 0);
  return {
    queries: count,
    recallAt3: count ? within3 / count : 0,
    mrr: count ? reciprocal / count : 0,
  };
}

/** Runs every query of every language the site has through search, as a visitor would. */
export function evaluate(
  search: SiteSearch,
  languages: readonly string[],
  benchmark: Benchmark,
): Evaluation {
  const evaluated = languages.map((language) => {
    const outcomes = (benchmark[language] ?? []).map(({ query, answers }) => {
      const results = search.search(language, query).lines.map(({ id }) => id);
      const index = results.findIndex((id) => answers.includes(id));
      return { query, answers, results, rank: index < 0 ? undefined : index + 1 };
    });
    return { language, outcomes, ...scores(outcomes) };
  });
  return { languages: evaluated, overall: scores(evaluated.flatMap(({ outcomes }) => outcomes)) };
}

/**
 * What keeps the benchmark from passing: a language of the site with too few queries, an
 * answer that names no page, or a language below a target. Empty when all is well.
 */
export function evaluationProblems(
  evaluation: Evaluation,
  benchmark: Benchmark,
  knownIds: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  for (const { language, queries, recallAt3, mrr } of evaluation.languages) {
    if (queries < MIN_QUERIES_PER_LANGUAGE) {
      problems.push(
        `${language}: ${queries} queries, at least ${MIN_QUERIES_PER_LANGUAGE} needed in test/search/queries.yaml`,
      );
    }
    if (recallAt3 < EVALUATION_TARGETS.recallAt3) {
      problems.push(
        `${language}: recall@3 ${recallAt3.toFixed(3)} < ${EVALUATION_TARGETS.recallAt3}`,
      );
    }
    if (mrr < EVALUATION_TARGETS.mrr) {
      problems.push(`${language}: MRR ${mrr.toFixed(3)} < ${EVALUATION_TARGETS.mrr}`);
    }
  }
  for (const [language, queries] of Object.entries(benchmark)) {
    for (const { query, answers } of queries) {
      for (const id of answers.filter((answer) => !knownIds.has(answer))) {
        problems.push(`${language}: "${query}" names ${id}, which is no page of the site`);
      }
    }
  }
  return problems;
}
