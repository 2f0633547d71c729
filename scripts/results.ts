/**
 * Where `npm run bench`, `npm run bench:feedback` and `npm run soak` leave their figures: one
 * JSON file and one Markdown table per script, the latest run, in docs/performance/results/
 * (PERF_RESULTS_DIR to write elsewhere). Figures live in these files, never in prose or
 * comments: a run is one machine on one day, and the file says which.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { ROOT } from './server-process';
import type { Verdict } from './targets';

/** The load before the run: a busy machine makes every figure of the run worse. */
const LOAD_AT_START = os.loadavg();

export const RESULTS_DIR = path.resolve(
  ROOT,
  process.env.PERF_RESULTS_DIR ?? path.join('docs', 'performance', 'results'),
);

/** A table of the report: its heading, its columns (right-aligned when numeric), its rows. */
export interface ResultTable {
  heading: string;
  columns: { name: string; numeric?: boolean }[];
  rows: (string | number)[][];
}

export interface RunReport {
  /** The file names' stem: `bench` writes bench.json and bench.md. */
  name: string;
  /** The command, for the Markdown's title: `npm run bench`. */
  command: string;
  /** What the run was asked to do: rounds, seconds, connections, tool... */
  settings: Record<string, string | number>;
  verdicts: readonly Verdict[];
  tables: ResultTable[];
  /** Everything measured, as numbers, for the JSON file. */
  figures: unknown;
}

/** Which code and which machine a run measured. */
function environment() {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const cpus = os.cpus();
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    uncommittedChanges: git('status', '--porcelain', '--untracked-files=no') !== '',
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    loadAverage: {
      atStart: LOAD_AT_START.map((load) => Number(load.toFixed(2))),
      atEnd: os.loadavg().map((load) => Number(load.toFixed(2))),
    },
  };
}

const cell = (value: string | number) =>
  String(value).replaceAll('|', '\\|').replaceAll('\n', ' ') || ' ';

function markdownTable({ heading, columns, rows }: ResultTable): string {
  return [
    `## ${heading}`,
    '',
    `| ${columns.map(({ name }) => cell(name)).join(' | ')} |`,
    `| ${columns.map(({ numeric }) => (numeric ? '--:' : '---')).join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

const figure = (value: number) =>
  Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 3 : 2);

function targetsTable(verdicts: readonly Verdict[]): ResultTable {
  return {
    heading: 'Targets',
    columns: [
      { name: 'target' },
      { name: 'figure', numeric: true },
      { name: 'limit', numeric: true },
      { name: 'variable' },
      { name: 'met' },
    ],
    rows: verdicts.map(({ target, value, met }) => [
      target.what,
      figure(value),
      `${target.kind === 'min' ? '≥' : '≤'} ${target.limit}`,
      `\`${target.variable}\``,
      met ? 'yes' : '**no**',
    ]),
  };
}

/** Writes `<name>.json` and `<name>.md` for the run, replacing the last run's; returns both paths. */
export async function writeResults(run: RunReport): Promise<string[]> {
  const env = environment();
  const passed = run.verdicts.every(({ met }) => met);
  const json = {
    command: run.command,
    passed,
    environment: env,
    settings: run.settings,
    targets: run.verdicts.map(({ target, value, met }) => ({ ...target, value, met })),
    figures: run.figures,
  };
  const settings = Object.entries(run.settings)
    .map(([key, value]) => `${key} ${value}`)
    .join(', ');
  const markdown = [
    `# \`${run.command}\`: the latest run`,
    '',
    `Written by \`scripts/${run.name}.ts\`; do not edit by hand, run the command again. ` +
      `See [docs/performance.md](../../performance.md) for how to read it.`,
    '',
    `- Result: **${passed ? 'every target met' : 'targets missed'}**`,
    `- Run: ${env.date}, commit \`${env.commit}\`${env.uncommittedChanges ? ' with uncommitted changes' : ''}`,
    `- Machine: ${env.cpus} × ${env.cpuModel}, ${env.memoryGb} GB, ${env.platform}, Node ${env.node}`,
    `- Load average (1, 5, 15 min): ${env.loadAverage.atStart.join(', ')} at the start, ${env.loadAverage.atEnd.join(', ')} at the end`,
    `- Settings: ${settings}`,
    '',
    ...[targetsTable(run.verdicts), ...run.tables].map((table) => `${markdownTable(table)}\n`),
  ].join('\n');

  mkdirSync(RESULTS_DIR, { recursive: true });
  const files: [string, string, 'json' | 'markdown'][] = [
    [path.join(RESULTS_DIR, `${run.name}.json`), JSON.stringify(json), 'json'],
    [path.join(RESULTS_DIR, `${run.name}.md`), markdown, 'markdown'],
  ];
  for (const [file, text, parser] of files) {
    // Formatted as `npm run lint` wants it, so a committed run passes prettier.
    const options = await resolveConfig(file);
    writeFileSync(file, await format(text, { ...options, parser, filepath: file }));
  }
  const written = files.map(([file]) => path.relative(ROOT, file));
  console.log(`\nResults written to ${written.join(' and ')}`);
  return written;
}
