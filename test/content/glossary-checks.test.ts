import fc from 'fast-check';
import type { GlossaryText } from '../../src/content/fields';
import { checkGlossaryUse, type Glossary } from '../../src/content/glossary-checks';
import type { ContentProblem } from '../../src/content/problems';
import type { SourceNode } from '../../src/content/source';

/**
 * The rule the check keeps, written the plain way, line by line and entry by entry: take the
 * links out of the line, then the phrases of the entry's `unlike`, then the longer words that
 * hold one of its forms, and look for a form. The check passes most lines over sooner; it must
 * find exactly what this finds.
 */
const patterns = new Map<string, RegExp>();
const whole = (form: string, flags = '') => {
  const key = `${flags} ${form}`;
  const known = patterns.get(key);
  if (known) return known;
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`,
    `${/^\p{Lu}/u.test(form) ? 'u' : 'iu'}${flags}`,
  );
  patterns.set(key, pattern);
  return pattern;
};

function usesByTheRule(glossary: Glossary, id: string, line: string): boolean {
  const formsOf = (text: GlossaryText | undefined) =>
    text ? [text.term, ...(text.aliases ?? [])] : [];
  const entry = glossary[id]?.fr;
  const forms = formsOf(entry);
  const longer = Object.values(glossary)
    .flatMap((other) => formsOf(other.fr))
    .filter(
      (other) =>
        other.length > Math.min(...forms.map((form) => form.length)) &&
        forms.some((form) => other.includes(form) && other !== form),
    );
  let rest = line.replace(/!?\[[^\]]*\]\((?!glossary#)[^)]*\)(?:\{[^}]*\})?/g, ' ');
  for (const phrase of [...(entry?.unlike ?? [])].sort((a, b) => b.length - a.length)) {
    rest = rest.replace(whole(phrase, 'g'), ' ');
  }
  for (const other of longer) rest = rest.replace(whole(other, 'g'), ' ');
  return forms.some((form) => whole(form).test(rest));
}

/** A French page whose body is `lines`, as the check reads a content file. */
function page(lines: string[]): SourceNode {
  return {
    id: 'a-page',
    kind: 'task',
    file: 'content/a-page.yaml',
    meta: {},
    text: { fr: { body: lines.join('\n') } },
    lineOf: () => 1,
    lineInText: (_keyPath: unknown, offset: number) => 100 + offset,
  } as unknown as SourceNode;
}

// Words, names, phrases with spaces and punctuation at their edges, the one character (U+0345)
// that is no letter yet a case variant of « ι », and letters of two UTF-16 units (Deseret):
// what lines and glossaries are made of.
const WORDS = [
  'GA',
  'ga',
  'Ga',
  'GAP',
  'mandat',
  'Mandats',
  'mandats',
  "Gestionnaire d'Accès",
  "gestionnaire d'accès",
  "Gestionnaire d'Accès Principal",
  'e-Box',
  'e-box Enterprise',
  '(GA)',
  'GA)',
  '- x',
  'x -',
  'ι',
  'Ι',
  '\u0345',
  'ſ',
  's',
  // Letters outside the BMP, written as two UTF-16 units, one a case variant of the other.
  '𐐀',
  '𐐨',
  'x𐐨',
  'x',
  'y',
];
const word = fc.constantFrom(...WORDS);
const glue = fc.constantFrom(' ', '', '-', '(', ')', ' - ', "'", '.', ' ( ', '\u0345');
const phrase = fc
  .array(fc.tuple(glue, word), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.map(([before, w]) => before + w).join(''))
  .map((text) => text.trim())
  .filter((text) => text.length > 0);
const entry = fc.record(
  {
    term: phrase,
    aliases: fc.array(phrase, { maxLength: 2 }),
    unlike: fc.array(phrase, { maxLength: 2 }),
  },
  { requiredKeys: ['term'] },
);
const glossary = fc
  .array(entry, { minLength: 1, maxLength: 4 })
  .map((entries): Glossary =>
    Object.fromEntries(
      entries.map((text, index) => [
        `entry-${index}`,
        { fr: { ...text, definition: 'Un mot de ce test.' } as GlossaryText },
      ]),
    ),
  );
const link = phrase.map((text) => `[${text}](https://www.example.be/)`);
const line = fc
  .array(fc.tuple(glue, fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: link })), {
    maxLength: 8,
  })
  .map((parts) => parts.map(([before, w]) => before + w).join(''));

/** What the check says of `lines`, and what the plain rule says: the line and the term of each warning. */
function bothSay(words: Glossary, lines: string[]) {
  const problems: ContentProblem[] = [];
  checkGlossaryUse(page(lines), ['fr'], words, problems);
  const check = problems.map(
    (problem) => `${problem.line} ${/« (.*) » without/s.exec(problem.message)?.[1] ?? ''}`,
  );
  const rule = Object.keys(words).flatMap((id) => {
    const offset = lines.findIndex((text) => usesByTheRule(words, id, text));
    return offset < 0 ? [] : [`${100 + offset} ${words[id]?.fr?.term ?? ''}`];
  });
  return { check, rule };
}

const entryOf = (term: string, unlike: string[] = []): Glossary => ({
  word: { fr: { term, unlike, definition: 'Un mot de ce test.' } as GlossaryText },
});

describe('the check of glossary words', () => {
  // A line the check may pass over only because the form is not in it: each of these forms
  // appears only once a phrase of `unlike` is taken out, so it must be looked for again.
  it.each([
    ['begins with no letter', '- x', 'y', 'y- x'],
    ['ends with no letter', 'x -', 'y', 'x -y'],
    ['has a space between two characters that are not letters', 'x - - y', 'ga', 'x -ga- y'],
    ['ends in « ι », a case variant of U+0345', 'xι', 'Ga', 'x\u0345Ga'],
  ])('finds a form that %s once a phrase is taken out', (_case, term, unlike, text) => {
    const { check, rule } = bothSay(entryOf(term, [unlike]), [text]);
    expect(rule).toEqual([`100 ${term}`]);
    expect(check).toEqual(rule);
  });

  it('finds no form right after or before a letter of two UTF-16 units', () => {
    const { check, rule } = bothSay(entryOf('ga'), ['𐐨ga ga𐐀 x𐐨ga']);
    expect(rule).toEqual([]);
    expect(check).toEqual(rule);
    expect(bothSay(entryOf('ga'), ['𐐨 ga']).check).toEqual(['100 ga']);
  });

  it('warns of exactly the words the plain rule finds, at the first line it finds them on', () => {
    fc.assert(
      fc.property(glossary, fc.array(line, { minLength: 1, maxLength: 6 }), (words, lines) => {
        const { check, rule } = bothSay(words, lines);
        expect(check).toEqual(rule);
      }),
      { numRuns: 100 },
    );
  });
});
