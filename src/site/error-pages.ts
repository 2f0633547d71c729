import type { Language } from '../content/tree';
import { homeCrumb, layoutView, textOf, translator, type RenderContext } from './layout';
import { pageMeta } from './meta';

export type ErrorKind = 'notFound' | 'badRequest' | 'uriTooLong' | 'serverError';

export function renderErrorPage(
  context: RenderContext,
  language: Language,
  kind: ErrorKind,
): string {
  const t = translator(context, language);
  const messages = `errors.${kind}`;
  return context.views.render('pages/error.njk', {
    ...layoutView(context, language, {
      title: t(`${messages}.title`),
      description: t(`${messages}.body`),
      // An error is no page of its own: the switch leads to the other language's home.
      pathIn: (other) => textOf(context.tree.home, other).path,
      breadcrumb: [homeCrumb(context, language)],
      current: t(`${messages}.title`),
      noindex: true,
    }),
    messages,
  });
}

/** The page at `/`, or an error where no language is known: every language side by side. */
export function renderRootPage(context: RenderContext, kind: 'root' | ErrorKind): string {
  const sections = context.tree.languages.map((language) => ({
    language,
    t: translator(context, language),
    home: textOf(context.tree.home, language).path,
  }));
  const [first] = sections;
  if (!first) throw new Error('no language');
  const messages = kind === 'root' ? 'root' : `errors.${kind}`;
  const title = sections
    .map((s) => s.t(kind === 'root' ? 'site.name' : `${messages}.title`))
    .join(' – ');
  const meta =
    kind === 'root'
      ? pageMeta({
          baseUrl: context.baseUrl,
          language: first.language,
          versions: sections.map((s) => ({ language: s.language, path: s.home })),
          canonicalPath: '/',
          title,
          siteName: title,
        })
      : { noindex: true };
  return context.views.render('pages/root.njk', {
    sections,
    messages,
    assets: context.assets,
    documentTitle: title,
    description: sections
      .map((s) => s.t(kind === 'root' ? 'root.intro' : `${messages}.body`))
      .join(' '),
    meta,
  });
}
