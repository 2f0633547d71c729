import nunjucks from 'nunjucks';

/**
 * The macro files every template calls by these names. `{% import %}` would run a file again at
 * every render; its macros take no context (they are given what they show), so each file is run
 * once and its macros shared.
 */
const MACROS = { ui: 'partials/macros.njk', forms: 'partials/feedback-macros.njk' } as const;

/** What `getExported` gives: nunjucks' types leave it out. */
interface Exporting {
  getExported(done: (error: Error | null, exported: Record<string, unknown>) => void): void;
}

function macrosOf(views: nunjucks.Environment, file: string): Record<string, unknown> {
  let macros: Record<string, unknown> | undefined;
  // Synchronous: no template of ours has an asynchronous filter.
  (views.getTemplate(file, true) as unknown as Exporting).getExported((error, exported) => {
    if (error) throw error;
    macros = exported;
  });
  if (!macros) throw new Error(`${file} gave no macros`);
  return macros;
}

/** The template environment: autoescaping on, templates read once and kept. */
export function createViews(viewsDir: string): nunjucks.Environment {
  const views = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(viewsDir, { noCache: false }),
    { autoescape: true, throwOnUndefined: true, trimBlocks: true, lstripBlocks: true },
  );
  for (const [name, file] of Object.entries(MACROS)) views.addGlobal(name, macrosOf(views, file));
  return views;
}
