import { isCardNumber, isEnterpriseNumber, isIban, isNationalNumber } from './checksums';

/** What personal data is replaced with. */
export const REDACTED = '[…]';

export interface Scrubbed {
  text: string;
  /** True when anything was replaced. */
  redacted: boolean;
}

interface Pattern {
  /** Where a candidate may start; `g` flag. */
  find: RegExp;
  /** A greedy match may run on into the next word: try its shorter starts too. */
  trims?: boolean;
  /** Whether the candidate is personal data; `before` is the text in front of it. */
  isPersonal(candidate: string, before: string): boolean;
}

/**
 * A 10-digit number written as an enterprise number (0403.170.701, BE 0403 170 701, BCE
 * 0403170701) stays: it is public. Written like a phone number, it is taken for one.
 */
function isWrittenEnterpriseNumber(candidate: string, before: string): boolean {
  const shaped =
    /^[01]\d{3}([.\s])\d{3}\1\d{3}$/.test(candidate) ||
    /\b(?:BE|BCE|KBO|TVA|BTW|VAT|entreprise|onderneming|ondernemingsnummer)\W*$/i.test(before);
  return shaped && isEnterpriseNumber(candidate);
}

const digitCount = (text: string) => text.replace(/\D/g, '').length;

/**
 * In order: a later pattern never sees what an earlier one replaced. Check digits decide for
 * national numbers, IBANs and cards, so that other long numbers (a file number, an amount)
 * stay.
 */
const PATTERNS: Pattern[] = [
  {
    // e-mail addresses
    find: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu,
    isPersonal: () => true,
  },
  {
    // IBANs, grouped by four or not: BE68 5390 0754 7034
    find: /(?<![\p{L}\p{N}])[a-z]{2}\d{2}(?: ?[a-z0-9]){11,30}/giu,
    isPersonal: (candidate) => isIban(candidate),
    trims: true,
  },
  {
    // payment cards: 13 to 19 digits, grouped by spaces or dashes
    find: /(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g,
    isPersonal: (candidate) => isCardNumber(candidate),
    trims: true,
  },
  {
    // Belgian national numbers: 85.07.30-033.28, 85073003328
    find: /(?<!\d)\d{2}[. ]?\d{2}[. ]?\d{2}[ .-]?\d{3}[ .-]?\d{2}(?!\d)/g,
    isPersonal: (candidate) => isNationalNumber(candidate),
  },
  {
    // international numbers: +32 471 23 45 67, 0032 2 123 45 67, +1 (555) 123-4567
    find: /(?<![\p{L}\p{N}+])(?<!\d[ ./-])(?:\+|00)[1-9](?:[ ./-]?\(?\d\)?){7,14}(?!\d)/gu,
    isPersonal: (candidate) => digitCount(candidate) >= 8,
  },
  {
    // Belgian numbers: 02 123 45 67, 0800 12 345 (9 digits); mobiles 0471 23 45 67 (10)
    find: /(?<![\p{L}\p{N}])(?<!\d[ ./-])(?:0[1-9](?:[ ./-]?\d){7}|04(?:[ ./-]?\d){8})(?![./-]?\d)/gu,
    isPersonal: (candidate, before) => !isWrittenEnterpriseNumber(candidate, before),
  },
];

/**
 * The longest start of a candidate that is personal data, cut at a separator: a greedy match
 * may run on into the next word ("BE68 5390 0754 7034 merci"). Zero when there is none.
 */
function personalLength(candidate: string, before: string, pattern: Pattern): number {
  const cuts = [candidate.length];
  for (let index = pattern.trims ? candidate.length - 1 : 0; index > 0; index--) {
    if (/[\s./()-]/.test(candidate.charAt(index))) cuts.push(index);
  }
  return cuts.find((cut) => pattern.isPersonal(candidate.slice(0, cut), before)) ?? 0;
}

function scrubWith(text: string, pattern: Pattern): Scrubbed {
  const find = new RegExp(pattern.find.source, pattern.find.flags);
  let output = '';
  let kept = 0;
  for (let match = find.exec(text); match; match = find.exec(text)) {
    const length = personalLength(match[0], text.slice(0, match.index), pattern);
    if (length === 0) {
      // A candidate may hide another one inside it: look again from the next character.
      find.lastIndex = match.index + 1;
      continue;
    }
    output += text.slice(kept, match.index) + REDACTED;
    kept = match.index + length;
    find.lastIndex = kept;
  }
  return { text: output + text.slice(kept), redacted: kept > 0 };
}

/** Replaces personal data in a visitor's text by `[…]`, and says whether it did. */
export function scrubPersonalData(text: string): Scrubbed {
  return PATTERNS.reduce<Scrubbed>(
    (done, pattern) => {
      const next = scrubWith(done.text, pattern);
      return { text: next.text, redacted: done.redacted || next.redacted };
    },
    { text, redacted: false },
  );
}
