import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

/**
 * The layer check (`npm run check:layers`, .dependency-cruiser.cjs) run on a copy of src/ that
 * a test may break: the same script, the same configuration, the project's own node_modules.
 */
function srcCopy() {
  const root = mkdtempSync(path.join(tmpdir(), 'layers-'));
  for (const item of ['src', '.dependency-cruiser.cjs', 'tsconfig.json', 'package.json']) {
    cpSync(path.join(ROOT, item), path.join(root, item), { recursive: true });
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return {
    /** The first file of a folder of src/ (`content` → `src/content/changes.ts`, say). */
    fileOf: (layer: string) => {
      const [first] = readdirSync(path.join(root, 'src', layer))
        .filter((name) => name.endsWith('.ts'))
        .sort();
      if (!first) throw new Error(`src/${layer}/ holds no .ts file`);
      return `src/${layer}/${first}`;
    },
    append: (file: string, line: string) => appendFileSync(path.join(root, file), `\n${line}\n`),
    write: (file: string, text: string) => writeFileSync(path.join(root, file), text),
    check: () => {
      const run = spawnSync('npm', ['run', '--silent', 'check:layers'], {
        cwd: root,
        encoding: 'utf8',
      });
      return { status: run.status, output: `${run.stdout}${run.stderr}` };
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

describe('the layer check (npm run check:layers)', () => {
  it('passes on src/ as it is', () => {
    const copy = srcCopy();
    try {
      const { status, output } = copy.check();
      expect({ status, output }).toEqual({
        status: 0,
        output: expect.stringContaining('no dependency violations found') as string,
      });
    } finally {
      copy.remove();
    }
  });

  it('fails when a file of src/content/ imports from src/site/, naming the rule and the import', () => {
    const copy = srcCopy();
    try {
      const file = copy.fileOf('content');
      copy.append(file, "import { renderSite } from '../site/site';\nvoid renderSite;");
      const { status, output } = copy.check();
      expect(status).not.toBe(0);
      expect(output).toContain(`error layer-content: ${file} → src/site/site.ts`);
    } finally {
      copy.remove();
    }
  });

  it('fails on a type-only import downwards, an import of http/ from site/, and a cycle within a layer', () => {
    const copy = srcCopy();
    try {
      // Types are dependencies too: search/ may not know what a Site is.
      const search = copy.fileOf('search');
      copy.append(search, "import type { Site } from '../site/site';\nexport type Refused = Site;");
      // What prepared.ts used to be: a module of http/ that site/ needed.
      const site = copy.fileOf('site');
      copy.append(
        site,
        "import { securityHeaders } from '../http/security';\nvoid securityHeaders;",
      );
      copy.write('src/lib/ping.ts', "import { pong } from './pong';\nexport const ping = pong;\n");
      copy.write('src/lib/pong.ts', "import { ping } from './ping';\nexport const pong = ping;\n");
      const { status, output } = copy.check();
      expect(status).not.toBe(0);
      expect(output).toContain(`error layer-search: ${search} → src/site/site.ts`);
      expect(output).toContain(`error layer-site: ${site} → src/http/security.ts`);
      expect(output).toMatch(/error no-circular: src\/lib\/p[io]ng\.ts → /);
    } finally {
      copy.remove();
    }
  });
});
