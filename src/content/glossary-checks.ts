import type { GlossaryText } from './fields';
import { GLOSSARY_PAGE_ID } from './graph';
import { referenceParts } from './links';
import { inspectMarkdown } from './markdown';
import type { ContentProblem } from './problems';
import { markdownTexts, type SourceNode } from './source';

export type Glossary = Readonly<Record<string, Readonly<Record<string, GlossaryText>>>>;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A letter or digit, as a search that ignores case sees one: U+0345 is, as a case variant of « ι ». */
const WORD_CHARACTER_ANY_CASE = /^[\p{L}\p{N}]$/iu;
const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;

/** The code point that ends just before `index`, or undefined at the start. */
function codePointBefore(text: string, index: number): string | undefined {
  if (index === 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const high = index >= 2 ? text.charCodeAt(index - 2) : 0;
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return text.slice(pair ? index - 2 : index - 1, index);
}

/** The code point that starts at `index`, or undefined at the end. */
function codePointFrom(text: string, index: number): string | undefined {
  const point = text.codePointAt(index);
  return point === undefined ? undefined : String.fromCodePoint(point);
}

/**
 * A form of a term as a whole word: no letter or digit just before or after it. A form written
 * with a capital first letter is a name (CSAM, « Mandats », Mahis) and is found only so written,
 * so that "GA" is not found in the Dutch "ga naar" nor the application « Mandats » in the
 * plural of « mandat »; other words whatever their case.
 *
 * It finds what `(?<![\p{L}\p{N}])form(?![\p{L}\p{N}])` would, with the same flags, but looks
 * for the form alone and then at its two neighbours: a letter class that ignores case costs
 * V8 a long compilation in every pattern that holds it, and V8 may drop compiled patterns
 * between two loads of the content.
 */
class WholeWord {
  private readonly pattern: RegExp;
  private readonly wordCharacter: RegExp;

  constructor(form: string) {
    const name = /^\p{Lu}/u.test(form);
    this.pattern = new RegExp(escape(form), name ? 'gu' : 'giu');
    this.wordCharacter = name ? WORD_CHARACTER : WORD_CHARACTER_ANY_CASE;
  }

  private isWord(char: string | undefined): boolean {
    return char !== undefined && this.wordCharacter.test(char);
  }

  /** Where the form is next found as a whole word, from `from` on: [start, end], or null. */
  private next(text: string, from: number): [number, number] | null {
    this.pattern.lastIndex = from;
    for (let found = this.pattern.exec(text); found; found = this.pattern.exec(text)) {
      const start = found.index;
      const end = start + found[0].length;
      if (!this.isWord(codePointBefore(text, start)) && !this.isWord(codePointFrom(text, end))) {
        return [start, end];
      }
      // As a regular expression would: try again one character further on.
      this.pattern.lastIndex = start + (codePointFrom(text, start)?.length ?? 1);
    }
    return null;
  }

  in(text: string): boolean {
    return this.next(text, 0) !== null;
  }

  /** The text with each use of the form, from left to right, replaced by a space. */
  takenOutOf(text: string): string {
    let rest = '';
    let from = 0;
    for (let at = this.next(text, 0); at; at = this.next(text, at[1])) {
      rest += `${text.slice(from, at[0])} `;
      from = at[1];
    }
    return rest + text.slice(from);
  }
}

const wholeWords = new Map<string, WholeWord>();
const wholeWord = (form: string) => {
  let known = wholeWords.get(form);
  if (!known) {
    known = new WholeWord(form);
    wholeWords.set(form, known);
  }
  return known;
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
 * A letter or digit, whatever its case: U+0345 is neither, yet a case variant of « ι », so a
 * form ending in « ι » could meet it in a text read without regard to case.
 */
const firmWordCharacter = (char: string | undefined) =>
  char !== undefined && /^[\p{L}\p{N}]$/u.test(char) && !/\u0345/iu.test(char);

/**
 * Whether a line without the form can be passed over at once: the form cannot appear in it
 * once the phrases of `unlike` and the longer words are taken out. What is taken out is a whole
 * word, with no letter or digit on either side, and leaves a space: a form that begins and ends
 * with a letter or digit can neither begin nor end beside that space, and can hold it only at a
 * space of its own between two characters that are not letters or digits. A form with such a
 * space (none today) is looked for after the removals in every line.
 */
const neverMadeByRemovals = (form: string) =>
  firmWordCharacter(form[0]) &&
  firmWordCharacter(form.at(-1)) &&
  [...form].every(
    (char, index, chars) =>
      char !== ' ' || firmWordCharacter(chars[index - 1]) || firmWordCharacter(chars[index + 1]),
  );

/** A glossary entry as the check looks for it in one language: the same on every page. */
interface Sought {
  id: string;
  text: GlossaryText;
  /** Its forms, each as a whole word. */
  forms: WholeWord[];
  /**
   * What is taken out of a line before looking for a form: the phrases of `unlike` that hold a
   * form but mean something else, longest first, then the longer words that hold one of its
   * forms (« Gestionnaire d'Accès Principal »).
   */
  takenOut: WholeWord[];
  /** Every form is one that taking words out of a line cannot make (above). */
  skippable: boolean;
}

/** Worked out once per glossary (a load of the content) and language, not once per page. */
const soughtByGlossary = new WeakMap<Glossary, Map<string, Sought[]>>();

function soughtIn(glossary: Glossary, language: string): Sought[] {
  let byLanguage = soughtByGlossary.get(glossary);
  if (!byLanguage) {
    byLanguage = new Map();
    soughtByGlossary.set(glossary, byLanguage);
  }
  const known = byLanguage.get(language);
  if (known) return known;
  const allForms = Object.values(glossary).flatMap((entry) => formsOf(entry[language]));
  const sought = Object.entries(glossary).flatMap(([id, entry]) => {
    const text = entry[language];
    if (!text) return [];
    const forms = formsOf(text);
    // « Gestionnaire d'Accès » inside « Gestionnaire d'Accès Principal » is the longer word.
    const longer = allForms.filter(
      (other) =>
        other.length > Math.min(...forms.map((form) => form.length)) &&
        forms.some((form) => other.includes(form) && other !== form),
    );
    const unlike = [...(text.unlike ?? [])].sort((a, b) => b.length - a.length);
    return [
      {
        id,
        text,
        forms: forms.map(wholeWord),
        takenOut: [...unlike, ...longer].map(wholeWord),
        skippable: forms.every(neverMadeByRemovals),
      },
    ];
  });
  byLanguage.set(language, sought);
  return sought;
}

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
    // Each line without its links, once for every entry.
    const lines = texts.map(({ source }) =>
      source.split('\n').map((line) => line.replace(LINKS, ' ')),
    );
    // A form found in no line is not found in the page's lines joined by line breaks, and
    // the other way round: a line break is no letter nor digit, like a line's two ends.
    const allLines = lines.map((textLines) => textLines.join('\n')).join('\n');
    for (const { id, text, forms, takenOut, skippable } of soughtIn(glossary, language)) {
      if (explained.has(id)) continue;
      // A word explained on a page of its own (an application) links that page, not the entry.
      const page = text.explainedOn;
      if (page ? pages.has(page) || node.id === page : linked.has(id)) continue;
      const found = (line: string) => forms.some((form) => form.in(line));
      if (skippable && !found(allLines)) continue;
      const uses = (line: string) => {
        // Most lines hold none of the word: then there is nothing to take out (see above).
        if (skippable && !found(line)) return false;
        return found(takenOut.reduce((rest, phrase) => phrase.takenOutOf(rest), line));
      };
      for (const [index, { keyPath, name }] of texts.entries()) {
        const offset = lines[index]?.findIndex(uses) ?? -1;
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
