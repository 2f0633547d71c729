import { REDACTED, scrubPersonalData } from '../../src/feedback/scrub';

/**
 * Each kind of personal data, written the ways people write it, next to look-alikes that must
 * stay: numbers whose check digits are wrong, public enterprise numbers, dates, amounts.
 */
const PERSONAL: [kind: string, written: string][] = [
  ['e-mail', 'jean.dupont@example.be'],
  ['e-mail with accents', 'josé.müller@société.be'],
  ['e-mail with a plus', 'jan+rollen@voorbeeld.be'],
  ['IBAN grouped', 'BE68 5390 0754 7034'],
  ['IBAN plain', 'BE68539007547034'],
  ['IBAN lower case', 'be68 5390 0754 7034'],
  ['Dutch IBAN with letters', 'NL91 ABNA 0417 1643 00'],
  ['German IBAN', 'DE89 3704 0044 0532 0130 00'],
  ['Visa card', '4111 1111 1111 1111'],
  ['Mastercard with dashes', '5555-5555-5555-4444'],
  ['American Express', '3782 822463 10005'],
  ['Bancontact card, 17 digits', '67034444444444441'],
  ['national number, born before 2000', '85.07.30-033.28'],
  ['national number, plain', '85073003328'],
  ['national number, born from 2000 (the 2 in front)', '17.01.01-123.46'],
  ['national number, spaced', '850730 033 28'],
  ['Belgian mobile', '0471 23 45 67'],
  ['Belgian mobile with slash and dots', '0471/23.45.67'],
  ['Belgian landline', '02 123 45 67'],
  ['Belgian landline, three-digit zone', '010 23 45 67'],
  ['Belgian free number', '0800 12 345'],
  ['Belgian mobile, international', '+32 471 23 45 67'],
  ['Belgian number with (0)', '+32 (0)2 123 45 67'],
  ['Belgian number with 00', '0032 2 123 45 67'],
  ['French number', '+33 1 23 45 67 89'],
  ['British number', '+44 20 7946 0958'],
  ['American number', '+1 (555) 123-4567'],
  ['enterprise number written as a phone number', '0403 17 07 01'],
];

const STAYS: [kind: string, written: string][] = [
  ['IBAN with a wrong check', 'BE68 5390 0754 7035'],
  ['card number failing Luhn', '4111 1111 1111 1112'],
  ['national number with a wrong check', '85.07.30-033.29'],
  ['national number from 2000 with a pre-2000 check', '17.01.01-123.47'],
  ['enterprise number (BCE), dotted', '0403.170.701'],
  ['enterprise number (KBO), spaced', '0202 239 951'],
  ['enterprise number after BE', 'BE 0417.497.106'],
  ['enterprise number after BCE', 'BCE 0403170701'],
  ['date and time', '01/02/2026 10h30'],
  ['file number', 'dossier 2026/123456'],
  ['version', 'version 0.28.19'],
  ['amount', '1 000 000 €'],
  ['short number', 'étape 3 sur 12'],
];

describe('scrubbing personal data', () => {
  it.each(PERSONAL)('replaces a %s: %s', (kind, written) => {
    const text = `Bonjour, voici : ${written}. Merci !`;
    expect(scrubPersonalData(text)).toEqual({
      text: `Bonjour, voici : ${REDACTED}. Merci !`,
      redacted: true,
    });
  });

  it.each(STAYS)('keeps a %s: %s', (kind, written) => {
    const text = `Bonjour, voici : ${written}. Merci !`;
    expect(scrubPersonalData(text)).toEqual({ text, redacted: false });
  });

  it('replaces every one of several, and keeps the words around them', () => {
    const text =
      'Mail jan@voorbeeld.be, gsm 0471 23 45 67 of +32 2 123 45 67, rekening BE68 5390 0754 7034 en INSZ 85073003328: KBO 0403.170.701 klopt.';
    expect(scrubPersonalData(text)).toEqual({
      text: 'Mail […], gsm […] of […], rekening […] en INSZ […]: KBO 0403.170.701 klopt.',
      redacted: true,
    });
  });

  it('leaves text without personal data as it is', () => {
    const text = 'Je ne trouve pas où activer la « Qualité » employeur.';
    expect(scrubPersonalData(text)).toEqual({ text, redacted: false });
  });
});
