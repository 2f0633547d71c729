import { Worker } from 'node:worker_threads';
import type { ElkNode } from 'elkjs/lib/elk.bundled.js';
import { LRUCache } from 'lru-cache';

/**
 * elkjs is a large library and its layout runs for a while: done on a worker thread, it costs
 * the start-up nothing while the main thread renders the pages. The worker's code is a string,
 * so it runs the same from TypeScript sources, tests and the compiled build.
 */
const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const ELK = require(workerData.elk);
new ELK().layout(workerData.graph).then(
  (graph) => parentPort.postMessage({ graph }),
  (error) => parentPort.postMessage({ error: String(error) }),
);
`;

/**
 * Layouts made lately, by the graph they were made for: the live site and the tests build the
 * site again and again from content whose diagram has not changed. Read only.
 */
const laidOut = new LRUCache<string, Promise<ElkNode>>({ max: 8 });

export function layoutInWorker(graph: ElkNode): Promise<ElkNode> {
  const key = JSON.stringify(graph);
  let layout = laidOut.get(key);
  if (!layout) {
    layout = layoutOnce(graph);
    laidOut.set(key, layout);
    layout.catch(() => laidOut.delete(key));
  }
  return layout;
}

function layoutOnce(graph: ElkNode): Promise<ElkNode> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { elk: require.resolve('elkjs/lib/elk.bundled.js'), graph },
    });
    worker.once('message', (answer: { graph?: ElkNode; error?: string }) => {
      void worker.terminate();
      if (answer.graph) resolve(answer.graph);
      else reject(new Error(`overview layout failed: ${answer.error ?? 'no answer'}`));
    });
    worker.once('error', reject);
  });
}
