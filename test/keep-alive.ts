import { get, type Agent } from 'node:http';

export interface Answer {
  status?: number;
  /** The response's Connection header: `close` once the server is shutting down. */
  connection?: string;
  /** Whether the request went on a connection the agent had kept open. */
  reusedSocket: boolean;
}

/** One GET on the agent's kept-alive connection (a new one only if it has none). */
export function ask(port: number, agent: Agent, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = get({ host: '127.0.0.1', port, path, agent }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          connection: res.headers.connection,
          reusedSocket: req.reusedSocket,
        }),
      );
    });
    req.on('error', reject);
  });
}
