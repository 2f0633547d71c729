import nunjucks from 'nunjucks';

/** The template environment: autoescaping on, templates read once and kept. */
export function createViews(viewsDir: string): nunjucks.Environment {
  return new nunjucks.Environment(new nunjucks.FileSystemLoader(viewsDir, { noCache: false }), {
    autoescape: true,
    throwOnUndefined: true,
    trimBlocks: true,
    lstripBlocks: true,
  });
}
