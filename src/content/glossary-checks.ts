import type { GlossaryText } from './fields';
import { GLOSSARY_PAGE_ID } from './graph';
import { referenceParts } from './links';
import { inspectMarkdown } from './markdown';
import type { ContentProblem } from './problems';
import { markdownTexts, type SourceNode } from './source';

export type Glossary = Readonly<Record<string, Readonly<Record<string, GlossaryText>>>>;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A form of a term as a whole word. Abbreviations (CSAM, GA) are found only in capitals, so
 * that "GA" is not found in the Dutch "ga naar"; other words whatever their case.
 */
function formPattern(form: string): RegExp {
  const acronym = form === form.toLocaleUpperCase() && /\p{Lu}/u.test(form);
  return new RegExp(`(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`, acronym ? 'u' : 'iu');
}

const patterns = new Map<string, RegExp>();
const patternOf = (form: string) => {
  let pattern = patterns.get(form);
  if (!pattern) {
    pattern = formPattern(form);
    patterns.set(form, pattern);
  }
  return pattern;
};

/**
 * A page that uses a word of the glossary links its entry (`[CSAM](glossary#csam)`) or says it
 * explains it in place (`explains: [csam]`); otherwise the check warns, at the word's first use.
 */
export function checkGlossaryUse(
  node: SourceNode,
  languages: readonly string[],
  glossary: Glossary,
  problems: ContentProblem[],
): void {
  if (node.id === GLOSSARY_PAGE_ID) return;
  for (const language of languages) {
    const texts = markdownTexts(node, language);
    const explained = new Set(node.text[language]?.explains ?? []);
    const linked = new Set(
      texts.flatMap(({ source }) =>
        inspectMarkdown(source)
          .links.map((link) => referenceParts(link.href))
          .filter((parts) => parts.id === GLOSSARY_PAGE_ID && parts.fragment)
          .map((parts) => parts.fragment as string),
      ),
    );
    for (const [id, entry] of Object.entries(glossary)) {
      const text = entry[language];
      if (!text || explained.has(id) || linked.has(id)) continue;
      const forms = [text.term, ...(text.aliases ?? [])];
      for (const { keyPath, name, source } of texts) {
        const lines = source.split('\n');
        const offset = lines.findIndex((line) => forms.some((form) => patternOf(form).test(line)));
        if (offset < 0) continue;
        problems.push({
          file: node.file,
          line: node.lineInText(keyPath, offset),
          message: `${name} uses « ${text.term} » without explaining it: link its entry, [${text.term}](${GLOSSARY_PAGE_ID}#${id}), or list it in ${language}.explains`,
          severity: 'warning',
        });
        break;
      }
    }
  }
}
