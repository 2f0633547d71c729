/**
 * `npm run new -- <kind> ...`: a new node file with a block for every language, every field
 * its kind needs marked `!todo`, and the file linked where it belongs.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  newOutcome,
  newPage,
  NewNodeRefused,
  newTask,
  type NewNodeResult,
} from '../content/new-node';
import { DEFAULT_PATHS } from '../site/startup';

const USAGE = `Usage:
  npm run new -- task <profile-id> <task-id> [--topic <topic-id>]
  npm run new -- page <page-id> [--parent <node-id>]          (the parent is home by default)
  npm run new -- outcome <task-or-outcome-id> <outcome-id>`;

function run(argv: string[]): NewNodeResult {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      topic: { type: 'string' },
      parent: { type: 'string' },
      // Another content folder than the project's own (the tests use a copy).
      content: { type: 'string' },
    },
  });
  const contentDir = values.content ? path.resolve(values.content) : DEFAULT_PATHS.contentDir;
  const [kind, first, second, ...rest] = positionals;
  const fits = (count: number) => [first, second].filter(Boolean).length === count && !rest.length;
  if (kind === 'task' && first && second && fits(2)) {
    return newTask(contentDir, first, second, { topic: values.topic });
  }
  if (kind === 'page' && first && fits(1)) {
    return newPage(contentDir, first, { parent: values.parent });
  }
  if (kind === 'outcome' && first && second && fits(2)) {
    return newOutcome(contentDir, first, second);
  }
  throw new NewNodeRefused(USAGE);
}

try {
  const { done, notes } = run(process.argv.slice(2));
  console.log([...done.map((line) => `- ${line}`), '', ...notes].join('\n'));
} catch (error) {
  if (!(
    error instanceof NewNodeRefused ||
    (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
  )) {
    throw error;
  }
  console.error((error as Error).message);
  process.exitCode = 1;
}
