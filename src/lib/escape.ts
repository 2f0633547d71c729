import nunjucks from 'nunjucks';

/**
 * Escapes text for HTML and XML exactly as the templates do (nunjucks' own escape: & < > " '),
 * for the few strings built outside a template. One function, so no copy can drift.
 */
export const escapeMarkup: (text: string) => string = (
  nunjucks as unknown as { lib: { escape(text: string): string } }
).lib.escape;
