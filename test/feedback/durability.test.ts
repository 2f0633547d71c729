import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import type { StoredFeedback } from '../../src/feedback/model';
import { openFeedbackStore } from '../../src/feedback/open-store';
import { PROJECT_ROOT } from '../../src/site/startup';
import { nodeById } from '../helpers';
import { BACKENDS, type Backend } from './backends';

const TASK = nodeById('rl-activate-quality');
const N = 20;

interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  url: string;
}

/** The real server, as `npm start` runs it, on a free port. */
async function startServer(backend: Backend): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/server.ts')],
    {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        TRUST_PROXY: 'loopback',
        FEEDBACK_DB: backend.config.FEEDBACK_DB,
        DATABASE_URL: backend.config.DATABASE_URL ?? '',
      },
    },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  while (!output.includes('"listening"')) {
    const [event] = await Promise.race([once(child.stdout, 'data'), once(child, 'exit')]);
    if (typeof event === 'number' || event === null)
      throw new Error(`the server exited:\n${output}`);
  }
  const url = /"url":"([^"]+)"/.exec(output)?.[1];
  if (!url) throw new Error(`no URL in:\n${output}`);
  return { child, url };
}

/** One feedback from its own client, as a browser sends it; resolves with the status. */
async function send(server: ServerProcess, index: number): Promise<number> {
  const response = await fetch(`${server.url}/feedback`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-forwarded-for': `198.51.100.${index % 250}`,
    },
    body: new URLSearchParams({
      page: TASK.id,
      lang: 'fr',
      website: '',
      trying: `avis n° ${index}`,
    }),
  });
  await response.arrayBuffer();
  return response.status;
}

async function rows(backend: Backend): Promise<StoredFeedback[]> {
  const store = openFeedbackStore(backend.config, () => undefined);
  const found: StoredFeedback[] = [];
  for await (const row of store.export({})) found.push(row);
  await store.close();
  return found;
}

describe.each(BACKENDS)('durability on $name', ({ create }) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await create();
  });
  afterAll(() => backend?.remove());

  it(`keeps all ${N} feedbacks answered 303 when the process is killed with SIGKILL, then stops cleanly on SIGTERM`, async () => {
    const first = await startServer(backend);
    for (let index = 0; index < N; index++) expect(await send(first, index)).toBe(303);
    // Right after the last 303: no chance to flush or close anything.
    first.child.kill('SIGKILL');
    const [, killedBy] = (await once(first.child, 'exit')) as [number | null, string | null];
    expect(killedBy).toBe('SIGKILL');
    expect((await rows(backend)).map((row) => row.trying)).toEqual(
      Array.from({ length: N }, (_, index) => `avis n° ${index}`),
    );

    const second = await startServer(backend);
    expect(await rows(backend)).toHaveLength(N);
    for (let index = N; index < N + 5; index++) expect(await send(second, index)).toBe(303);
    second.child.kill('SIGTERM');
    const [code] = (await once(second.child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(await rows(backend)).toHaveLength(N + 5);
  }, 60_000);
});
