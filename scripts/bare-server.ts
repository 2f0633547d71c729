/**
 * The benchmark's yardstick: node:http and nothing else, answering every request with the
 * bytes and headers the site sends for one page (read from the file named in argv[2]).
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

interface Recorded {
  status: number;
  variants: Record<'identity' | 'br', { headers: string[]; body: string }>;
}

const recorded = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Recorded;
const variants = {
  identity: {
    ...recorded.variants.identity,
    body: Buffer.from(recorded.variants.identity.body, 'base64'),
  },
  br: { ...recorded.variants.br, body: Buffer.from(recorded.variants.br.body, 'base64') },
};

const server = createServer((req, res) => {
  if (req.url === '/healthz') return void res.end('ok');
  const { headers, body } = (req.headers['accept-encoding'] ?? '').includes('br')
    ? variants.br
    : variants.identity;
  res.writeHead(recorded.status, headers);
  res.end(body);
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(JSON.stringify({ listening: typeof address === 'object' ? address?.port : address }));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
