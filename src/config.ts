import { isIP } from 'node:net';
import { z } from 'zod';

/** Names Express knows for address ranges: 127.0.0.0/8 and ::1, link-local, private networks. */
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isProxyAddress(item: string): boolean {
  if (PROXY_RANGE_NAMES.includes(item)) return true;
  const [address = '', bits, ...rest] = item.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128);
}

/**
 * Which peers may say, in X-Forwarded-For, who the client is: Express's `trust proxy`. Unset
 * or `false`: nobody, the client is the socket's peer. A number: that many proxies in front.
 * Otherwise a comma-separated list of addresses, CIDR ranges or Express's range names.
 * `true` (believe any peer) is refused: anyone could then choose their own address.
 */
const trustProxySchema = z
  .string()
  .default('false')
  .transform((value, context): false | number | string[] => {
    const text = value.trim();
    if (text === 'false') return false;
    if (/^\d+$/.test(text)) return Number(text);
    const items = text.split(',').map((item) => item.trim());
    if (items.every(isProxyAddress)) return items;
    context.addIssue({
      code: 'custom',
      message:
        'must be false, a number of proxies, or addresses and ranges of the proxies (e.g. 10.0.0.0/8,loopback); true is not accepted',
    });
    return z.NEVER;
  });

export type TrustProxy = z.output<typeof trustProxySchema>;

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  /** The public address of the site: canonical URLs come from here, never from a Host header. */
  BASE_URL: z
    .url({
      protocol: /^https?$/,
      message: 'must be an http(s) URL such as https://roles.example.be',
    })
    .default('http://localhost:3000')
    .transform((url) => url.replace(/\/+$/, '')),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The SQLite file that keeps feedback; created with its folder on first start. */
  FEEDBACK_DB: z.string().min(1).default('./data/feedback.db'),
  /** PostgreSQL instead of the file, for several replicas. */
  DATABASE_URL: z
    .url({
      protocol: /^postgres(ql)?$/,
      message:
        'must be a PostgreSQL URL such as postgres://user:password@db.example.be:5432/feedback',
    })
    .optional(),
  TRUST_PROXY: trustProxySchema,
  FEEDBACK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** For the static export: the running server's feedback endpoint the forms post to. */
  FEEDBACK_URL: z
    .url({
      protocol: /^https?$/,
      message: 'must be an http(s) URL such as https://roles.example.be/feedback',
    })
    .optional(),
  /** `off` only to measure how fast feedback is written (npm run bench:feedback). */
  FEEDBACK_RATE_LIMIT: z.enum(['on', 'off']).default('on'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

/** Reads the configuration from the environment; a bad value stops the start with a clear message. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const blankAsUnset = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(blankAsUnset);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
