/** Check digits of the numbers that identify a person or an account. */

const digitsOf = (text: string) => text.replace(/\D/g, '');

/** The remainder of a long decimal number by 97, one digit at a time (no precision lost). */
function mod97(digits: string): number {
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}

/**
 * A Belgian national number (NISS/INSZ, or BIS): 11 digits, the last two are 97 minus the
 * first nine modulo 97. For people born from 2000 on, a 2 is put in front of the nine first.
 */
export function isNationalNumber(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length !== 11) return false;
  const check = Number(digits.slice(9));
  const base = digits.slice(0, 9);
  return 97 - mod97(base) === check || 97 - mod97(`2${base}`) === check;
}

/** A Belgian enterprise number (KBO/BCE): 10 digits, the last two are 97 minus the first eight modulo 97. */
export function isEnterpriseNumber(text: string): boolean {
  const digits = digitsOf(text);
  return (
    digits.length === 10 &&
    /^[01]/.test(digits) &&
    97 - mod97(digits.slice(0, 8)) === Number(digits.slice(8))
  );
}

/** An IBAN (ISO 13616): moved and turned into digits, it is 1 modulo 97. */
export function isIban(text: string): boolean {
  const iban = text.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  const digits = [...moved].map((c) => (/\d/.test(c) ? c : String(c.charCodeAt(0) - 55))).join('');
  return mod97(digits) === 1;
}

/** A payment card number: 13 to 19 digits passing the Luhn check. */
export function isCardNumber(text: string): boolean {
  const digits = digitsOf(text);
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  [...digits].reverse().forEach((digit, index) => {
    const value = Number(digit) * (index % 2 === 1 ? 2 : 1);
    sum += value > 9 ? value - 9 : value;
  });
  return sum % 10 === 0;
}
