import type { GlossaryText } from './fields';
import { GLOSSARY_PAGE_ID } from './graph';
import { referenceParts } from './links';
import { inspectMarkdown } from './markdown';
import type { ContentProblem } from './problems';
import { markdownTexts, type SourceNode } from './source';

export type Glossary = Readonly<Record<string, Readonly<Record<string, GlossaryText>>>>;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A form of a term as a whole word. A form written with a capital first letter is a name (CSAM,
 * « Mandats », Mahis) and is found only so written, so that "GA" is not found in the Dutch "ga
 * naar" nor the application « Mandats » in the plural of « mandat »; other words whatever their
 * case.
 */
function formPattern(form: string, flags: string): RegExp {
  const name = /^\p{Lu}/u.test(form);
  const pattern = `(?<![\\p{L}\\p{N}])${escape(form)}(?![\\p{L}\\p{N}])`;
  return new RegExp(pattern, `${name ? 'u' : 'iu'}${flags}`);
}

const patterns = new Map<string, RegExp>();
const patternOf = (form: string, flags = '') => {
  const key = `${flags} ${form}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    pattern = formPattern(form, flags);
    patterns.set(key, pattern);
  }
  return pattern;
};

/**
 * Links, with their words, but for links into the glossary: a word that is the text of a link
 * leads to its own page (the official page of an application, say), which is no use to
 * explain; a word linked to its glossary entry is a use, explained by that link.
 */
const LINKS = /!?\[[^\]]*\]\((?!glossary#)[^)]*\)(?:\{[^}]*\})?/g;

/** The forms of a word as texts write it: its term and its aliases. */
const formsOf = (text: GlossaryText | undefined): string[] =>
  text ? [text.term, ...(text.aliases ?? [])] : [];

/**
 * A page that uses a word of the glossary (outside the words of a link) links its entry (`[CSAM](glossary#csam)`) or says it
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
    const references = texts.flatMap(({ source }) =>
      inspectMarkdown(source).links.map((link) => referenceParts(link.href)),
    );
    const linked = new Set(
      references
        .filter((parts) => parts.id === GLOSSARY_PAGE_ID && parts.fragment)
        .map((parts) => parts.fragment as string),
    );
    const pages = new Set(references.filter((parts) => !parts.fragment).map((parts) => parts.id));
    const allForms = Object.values(glossary).flatMap((entry) => formsOf(entry[language]));
    for (const [id, entry] of Object.entries(glossary)) {
      const text = entry[language];
      if (!text || explained.has(id)) continue;
      // A word explained on a page of its own (an application) links that page, not the entry.
      const page = text.explainedOn;
      if (page ? pages.has(page) || node.id === page : linked.has(id)) continue;
      const forms = formsOf(text);
      // « Gestionnaire d'Accès » inside « Gestionnaire d'Accès Principal » is the longer word.
      const longer = allForms.filter(
        (other) =>
          other.length > Math.min(...forms.map((form) => form.length)) &&
          forms.some((form) => other.includes(form) && other !== form),
      );
      const unlike = [...(text.unlike ?? [])].sort((a, b) => b.length - a.length);
      const uses = (line: string) => {
        const unlinked = unlike.reduce(
          (rest, phrase) => rest.replace(patternOf(phrase, 'g'), ' '),
          line.replace(LINKS, ' '),
        );
        const rest = longer.reduce(
          (text, other) => text.replace(patternOf(other, 'g'), ' '),
          unlinked,
        );
        return forms.some((form) => patternOf(form).test(rest));
      };
      for (const { keyPath, name, source } of texts) {
        const lines = source.split('\n');
        const offset = lines.findIndex(uses);
        if (offset < 0) continue;
        problems.push({
          file: node.file,
          line: node.lineInText(keyPath, offset),
          message: `${name} uses « ${text.term} » without explaining it: link ${page ? `the page that does, [${text.term}](${page})` : `its entry, [${text.term}](${GLOSSARY_PAGE_ID}#${id})`}, or list it in ${language}.explains`,
          severity: 'warning',
        });
        break;
      }
    }
  }
}
