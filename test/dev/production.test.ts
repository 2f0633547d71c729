import { once } from 'node:events';
import {
  buildServer,
  projectCopy,
  startBuilt,
  type Build,
  type ProjectCopy,
} from '../built-server';

/**
 * The author's tools stay out of production: the built server starts with the production
 * dependencies alone (no chokidar, no pino-pretty, as in the container) and logs JSON lines.
 */

let build: Build;
let copy: ProjectCopy;
beforeAll(() => {
  build = buildServer();
  copy = projectCopy(build, { productionOnly: true });
}, 120_000);
afterAll(() => {
  copy.remove();
  build.remove();
});

it('starts with production dependencies only, logging JSON lines', async () => {
  const server = await startBuilt(copy);
  try {
    const response = await fetch(`http://127.0.0.1:${server.port}/fr/`);
    expect(response.status).toBe(200);
    const lines = server.output().trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow();
  } finally {
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
  }
}, 30_000);
