import { plainText } from './markdown';
import { PLACEHOLDER } from './placeholders';
import type { ContentProblem } from './problems';
import type { LocalizedText } from './fields';
import { markdownTexts, type SourceNode } from './source';

/**
 * Checks that a text reads as written in its language: its own quotation marks, French
 * no-break spaces, no paragraph left untranslated, and no sentence too long to follow.
 */

/** Every quotation mark a language might use; each language keeps to its own pair. */
const QUOTATION_MARKS = /[«»„“”‘’‚‹›]/gu;

/** French puts a no-break space before these, and after «. */
const FRENCH_SPACE_BEFORE = /[?!;:»]/gu;
const NO_BREAK_SPACES = /[\u00a0\u202f]/u;

/** A paragraph this short may be a name (« CSAM », « BCE Public Search »): it may repeat. */
const MIN_WORDS_OF_A_SENTENCE = 4;
/** Over this, a sentence is hard to follow: a warning, not an error. */
export const MAX_SENTENCE_WORDS = 35;

export interface LanguageStyle {
  /** The opening and closing quotation marks of the language: `«»`, `‘’`, `„“`, `“”`. */
  quotes: string;
}

/** A piece of text to check, and where it is. */
interface Passage {
  field: string;
  text: string;
  /** Worked out only for a passage with a problem: finding a line in YAML is not free. */
  line: () => number;
}

const wordsIn = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));

/** The plain texts of one language of a node, paragraph by paragraph, each with its line. */
function passages(node: SourceNode, language: string): Passage[] {
  const text = node.text[language];
  if (!text) return [];
  const found: Passage[] = [];
  const plain: (keyof LocalizedText)[] = [
    'title',
    'description',
    'question',
    'condition',
    'asRole',
    'withArticle',
    'currentName',
  ];
  for (const field of plain) {
    const value = text[field];
    if (typeof value === 'string') {
      found.push({
        field: `${language}.${field}`,
        text: value,
        line: () => node.lineOf([language, field]),
      });
    }
  }
  for (const [id, answer] of Object.entries(text.answers ?? {})) {
    found.push({
      field: `${language}.answers.${id}`,
      text: answer,
      line: () => node.lineOf([language, 'answers', id]),
    });
  }
  for (const { keyPath, name, source } of markdownTexts(node, language)) {
    let cursor = 0;
    // Paragraphs, and each item of a list on its own, each at its own line.
    for (const paragraph of source.split(/\n\s*\n|\n(?=\s*(?:[-*]|\d+\.)\s)/)) {
      const start = source.indexOf(paragraph, cursor);
      cursor = start + paragraph.length;
      const words = plainText(paragraph);
      if (words) {
        const offset = source.slice(0, start).split('\n').length - 1;
        found.push({ field: name, text: words, line: () => node.lineInText(keyPath, offset) });
      }
    }
  }
  // Words still to write are reported as placeholders, not judged as French or Dutch.
  return found.filter((passage) => !passage.text.includes(PLACEHOLDER));
}

/** Problems of typography in one passage of one language. */
export function typographyProblems(
  text: string,
  language: string,
  style: LanguageStyle | undefined,
): string[] {
  const problems: string[] = [];
  if (style) {
    for (const match of text.matchAll(QUOTATION_MARKS)) {
      const mark = match[0];
      const index = match.index ?? 0;
      // ’ between two letters is an apostrophe (l’entreprise, don’t), not a quotation mark.
      const apostrophe =
        mark === '’' &&
        /\p{L}/u.test(text[index - 1] ?? '') &&
        /\p{L}/u.test(text[index + 1] ?? '');
      if (!apostrophe && !style.quotes.includes(mark)) {
        const [open = '', close = ''] = [...style.quotes];
        problems.push(`${mark} is not a quotation mark of this language: use ${open}…${close}`);
        break;
      }
    }
  }
  if (language === 'fr') {
    for (const match of text.matchAll(FRENCH_SPACE_BEFORE)) {
      const index = match.index ?? 0;
      const before = text[index - 1] ?? '';
      const timeOrRatio = match[0] === ':' && /\d/.test(before) && /\d/.test(text[index + 1] ?? '');
      if (index > 0 && !NO_BREAK_SPACES.test(before) && !timeOrRatio) {
        problems.push(`put a no-break space before « ${match[0]} » (French typography)`);
        break;
      }
    }
    for (const match of text.matchAll(/«/gu)) {
      if (!NO_BREAK_SPACES.test(text[(match.index ?? 0) + 1] ?? '')) {
        problems.push('put a no-break space after « (French typography)');
        break;
      }
    }
  }
  return problems;
}

export function checkLanguages(
  node: SourceNode,
  languages: readonly string[],
  styles: Readonly<Record<string, LanguageStyle>>,
  problems: ContentProblem[],
): void {
  const byLanguage = new Map(languages.map((language) => [language, passages(node, language)]));
  for (const [language, found] of byLanguage) {
    for (const passage of found) {
      for (const message of typographyProblems(passage.text, language, styles[language])) {
        problems.push({
          file: node.file,
          line: passage.line(),
          message: `${passage.field}: ${message}`,
        });
      }
      for (const sentence of passage.text.split(/(?<=[.!?…])\s+/u)) {
        const count = wordsIn(sentence).length;
        if (count > MAX_SENTENCE_WORDS) {
          problems.push({
            file: node.file,
            line: passage.line(),
            message: `${passage.field}: a sentence of ${count} words (over ${MAX_SENTENCE_WORDS} is hard to follow): "${sentence.slice(0, 60)}…"`,
            severity: 'warning',
          });
        }
      }
    }
  }
  // A paragraph the same in two languages was left untranslated, unless it is only a name.
  // Both places are reported: either may be the one still to write.
  for (const [language, found] of byLanguage) {
    for (const [other, theirs] of byLanguage) {
      if (other === language) continue;
      const texts = new Set(theirs.map((passage) => passage.text));
      for (const passage of found) {
        if (wordsIn(passage.text).length >= MIN_WORDS_OF_A_SENTENCE && texts.has(passage.text)) {
          problems.push({
            file: node.file,
            line: passage.line(),
            message: `${passage.field} is word for word the ${other} text: write it in ${language}`,
          });
        }
      }
    }
  }
}
