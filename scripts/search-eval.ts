/**
 * `npm run search:eval`: every query of test/search/queries.yaml through the site's own search,
 * in every language the content has. Prints recall@3 and MRR per language and overall, lists
 * each query whose answer is not first, and exits 1 when a target is missed (the same check
 * `npm test` makes).
 */
import path from 'node:path';
import {
  EVALUATION_TARGETS,
  evaluate,
  evaluationProblems,
  readBenchmark,
  type Scores,
} from '../src/search/evaluation';
import { GENERATED_PAGES } from '../src/site/layout';
import { prepareSite, PROJECT_ROOT } from '../src/site/startup';

export const BENCHMARK_FILE = path.join(PROJECT_ROOT, 'test', 'search', 'queries.yaml');

const line = (label: string, { queries, recallAt3, mrr }: Scores) =>
  `${label.padEnd(8)} ${String(queries).padStart(4)} queries  recall@3 ${recallAt3.toFixed(3)}  MRR ${mrr.toFixed(3)}`;

async function main(): Promise<void> {
  const { site } = await prepareSite('http://localhost');
  const benchmark = readBenchmark(BENCHMARK_FILE);
  const languages = site.tree.languages.map(({ code }) => code);
  const evaluation = evaluate(site.search, languages, benchmark);
  for (const { language, outcomes } of evaluation.languages) {
    const notFirst = outcomes.filter(({ rank }) => rank !== 1);
    if (notFirst.length === 0) continue;
    console.log(`\n${language}: answers not first (rank, query, expected → first three lines)`);
    for (const { query, answers, results, rank } of notFirst) {
      console.log(
        `  ${rank === undefined ? 'miss' : `#${rank}`.padEnd(4)} ${JSON.stringify(query)}  [${answers.join(', ')}] → ${results.slice(0, 3).join(', ') || '(nothing)'}`,
      );
    }
  }
  console.log(
    `\nTargets in each language: recall@3 ≥ ${EVALUATION_TARGETS.recallAt3}, MRR ≥ ${EVALUATION_TARGETS.mrr}`,
  );
  for (const language of evaluation.languages) console.log(line(language.language, language));
  console.log(line('overall', evaluation.overall));
  const knownIds = new Set([...site.tree.byId.keys(), ...GENERATED_PAGES]);
  const problems = evaluationProblems(evaluation, benchmark, knownIds);
  for (const problem of problems) console.error(`FAILED ${problem}`);
  if (problems.length > 0) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
