/**
 * The architecture of src/: its layers, lowest first, and what each may import. `npm run
 * check:layers` (part of `npm test`) fails on any import that goes another way, on a file of
 * src/ that belongs to no layer, and on any circular import. Type-only imports count too: a
 * layer that needs another's types depends on it all the same.
 *
 * A layer may import itself and the layers it lists, which must all come before it here. To let
 * a layer use another, add it to its list: a change of architecture, visible in review. The
 * usual answer to a refused import is to move the code to the layer it belongs to.
 */

/** @type {{ name: string, path: string, holds: string, uses: string[] }[]} */
const LAYERS = [
  {
    name: 'lib',
    path: '^src/lib/',
    holds:
      'generic helpers that know nothing of this site, such as the prepared response (the bytes of an answer, compressed ahead of time, with its ETag), which site/ builds and http/ sends',
    uses: [],
  },
  {
    name: 'base',
    path: '^src/(config|logger)[.]ts$',
    holds: "the process's configuration (read from the environment) and its logger",
    uses: ['lib'],
  },
  {
    name: 'content',
    path: '^src/content/',
    holds:
      'the content model: the YAML files read, checked and linked into a tree, and the authoring tools that write YAML',
    uses: ['lib'],
  },
  {
    name: 'search',
    path: '^src/search/',
    holds: 'the search engine, over the documents the content gives it',
    uses: ['lib', 'content'],
  },
  {
    name: 'feedback',
    path: '^src/feedback/',
    holds:
      "the visitors' feedback: what a submission is, and its store (SQLite or PostgreSQL), without HTTP",
    uses: ['lib', 'base'],
  },
  {
    name: 'site',
    path: '^src/site/',
    holds:
      'every page rendered ahead of time: templates, interface strings (i18n.ts), the search and feedback pages, and startup.ts, which builds the whole site from the folders on disk',
    uses: ['lib', 'content', 'search', 'feedback'],
  },
  {
    name: 'http',
    path: '^src/http/',
    holds:
      'the request path in pieces: the fast path for prepared pages, search, feedback, limits, security headers, errors, the access log',
    uses: ['lib', 'base', 'content', 'search', 'feedback', 'site'],
  },
  {
    name: 'app',
    path: '^src/(app[.]ts$|dev/)',
    holds:
      'the request path assembled (app.ts), and its development variant that rebuilds the site on every edit (dev/)',
    uses: ['lib', 'base', 'content', 'search', 'feedback', 'site', 'http'],
  },
  {
    name: 'server',
    path: '^src/(server|launch)[.]ts$',
    holds: 'the process: start-up, listening, signals, shutdown (server.ts is `npm start`)',
    uses: ['lib', 'base', 'content', 'search', 'feedback', 'site', 'http', 'app'],
  },
  {
    name: 'cli',
    path: '^src/cli/',
    holds:
      'the commands (npm run check:content, new, export, feedback): each builds what it needs from the layers below the request path, and never serves',
    uses: ['lib', 'base', 'content', 'search', 'feedback', 'site'],
  },
];

// The table is a true layering: each layer uses only layers declared before it, so no two
// layers can depend on each other.
LAYERS.forEach((layer, index) => {
  for (const used of layer.uses) {
    const at = LAYERS.findIndex((other) => other.name === used);
    if (at < 0 || at >= index) {
      throw new Error(`.dependency-cruiser.cjs: ${layer.name} uses ${used}, not a layer below it`);
    }
  }
});

const pathOf = (name) => LAYERS.find((layer) => layer.name === name).path;
const ALL_LAYERS = LAYERS.map((layer) => layer.path);

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...LAYERS.map((layer) => ({
      name: `layer-${layer.name}`,
      severity: 'error',
      comment: `${layer.name} (${layer.holds}) may import only ${
        layer.uses.length ? `${layer.uses.join(', ')} and itself` : 'itself'
      }`,
      from: { path: layer.path },
      to: { path: '^src/', pathNot: [layer.path, ...layer.uses.map(pathOf)] },
    })),
    {
      name: 'outside-the-layers',
      severity: 'error',
      comment: 'every file of src/ belongs to a layer: add it to one in .dependency-cruiser.cjs',
      from: { path: '^src/', pathNot: ALL_LAYERS },
      to: {},
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'no module may import itself, directly or through others',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-stands-alone',
      severity: 'error',
      comment: 'the code that runs never imports the tests or the scripts',
      from: { path: '^src/' },
      to: { path: '^(test|scripts)/' },
    },
    {
      name: 'not-to-dev-dependency',
      severity: 'error',
      comment:
        'the production image has no development dependencies (npm prune --omit=dev): only dev/, which runs with --live alone, may load one',
      from: { path: '^src/', pathNot: '^src/dev/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    skipAnalysisNotInRules: true,
  },
};
