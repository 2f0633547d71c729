import path from 'node:path';
import {
  EVALUATION_TARGETS,
  evaluate,
  evaluationProblems,
  MIN_QUERIES_PER_LANGUAGE,
  readBenchmark,
} from '../../src/search/evaluation';
import { GENERATED_PAGES } from '../../src/site/layout';
import { testApp, tree } from '../helpers';

/** The same benchmark `npm run search:eval` runs: test/search/queries.yaml. */
const benchmark = readBenchmark(path.join(__dirname, 'queries.yaml'));
const languages = tree.languages.map(({ code }) => code);
const knownIds = new Set([...tree.byId.keys(), ...GENERATED_PAGES]);

describe('the search relevance benchmark (npm run search:eval)', () => {
  it.each(languages)(
    `has at least ${MIN_QUERIES_PER_LANGUAGE} queries in %s, a language of the site, each naming pages that exist`,
    (language) => {
      const queries = benchmark[language] ?? [];
      expect(queries.length).toBeGreaterThanOrEqual(MIN_QUERIES_PER_LANGUAGE);
      const unknown = queries.flatMap(({ answers }) => answers.filter((id) => !knownIds.has(id)));
      expect(unknown).toEqual([]);
    },
  );

  it.each(languages)(
    `meets recall@3 ≥ ${EVALUATION_TARGETS.recallAt3} and MRR ≥ ${EVALUATION_TARGETS.mrr} in %s`,
    async (language) => {
      const { site } = await testApp();
      const evaluation = evaluate(site.search, [language], benchmark);
      const [scores] = evaluation.languages;
      expect(scores?.queries).toBeGreaterThanOrEqual(MIN_QUERIES_PER_LANGUAGE);
      const misses = (scores?.outcomes ?? [])
        .filter(({ rank }) => rank === undefined || rank > 3)
        .map(({ query, results }) => `${query} → ${results.slice(0, 3).join(', ')}`);
      expect({
        language,
        misses,
        problems: evaluationProblems(evaluation, benchmark, knownIds),
      }).toEqual({ language, misses: expect.any(Array), problems: [] });
      expect(scores?.recallAt3).toBeGreaterThanOrEqual(EVALUATION_TARGETS.recallAt3);
      expect(scores?.mrr).toBeGreaterThanOrEqual(EVALUATION_TARGETS.mrr);
    },
    60_000,
  );

  it('fails a language of the site that has too few queries', async () => {
    const { site } = await testApp();
    const short = {
      ...benchmark,
      [languages[0] ?? '']: benchmark[languages[0] ?? '']?.slice(0, 5) ?? [],
    };
    const evaluation = evaluate(site.search, languages, short);
    const problems = evaluationProblems(evaluation, short, knownIds);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/5 queries, at least 40 needed/)]),
    );
  });
});
