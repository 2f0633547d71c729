import type { FeedbackTarget } from '../../src/feedback/model';
import { MAX_COMMENT_LENGTH, readSubmission } from '../../src/feedback/submission';

const TARGET: FeedbackTarget = {
  id: 'rl-register',
  language: 'fr',
  path: '/fr/representant-legal/enregistrer/',
  title: 'S’enregistrer',
};
const findTarget = (id: string, language: string) =>
  id === TARGET.id && language === TARGET.language ? TARGET : undefined;
const read = (fields: Record<string, unknown>) =>
  readSubmission({ page: 'rl-register', lang: 'fr', website: '', ...fields }, findTarget);

describe('reading a posted form', () => {
  it('reads a vote for a page the site has', () => {
    expect(read({ useful: 'yes' })).toEqual({ target: TARGET, honeypot: false, kind: 'yes' });
    expect(read({ useful: 'no' })).toMatchObject({ kind: 'no' });
  });

  it.each([
    ['an unknown page', { page: 'no-such-page' }],
    ['a page in another language', { lang: 'nl' }],
    ['a page that is a URL', { page: '/fr/representant-legal/' }],
    ['an over-long page id', { page: 'a'.repeat(65) }],
    ['a repeated field', { page: ['rl-register', 'rl-register'] }],
    ['an unknown answer', { useful: 'maybe' }],
    ['no page at all', { page: undefined }],
  ])('refuses %s', (_, fields) => {
    expect(read({ useful: 'yes', ...fields })).toBeNull();
  });

  it('refuses what is no form at all', () => {
    expect(readSubmission(undefined, findTarget)).toBeNull();
    expect(readSubmission('page=rl-register', findTarget)).toBeNull();
  });

  it('notices the field robots fill in', () => {
    expect(read({ useful: 'yes', website: 'http://spam.example' })?.honeypot).toBe(true);
  });

  it('reads a comment, cleaned, with either field alone', () => {
    expect(read({ trying: '  m’inscrire\r\n', wrong: '' })).toMatchObject({
      kind: 'comment',
      comment: { trying: 'm’inscrire', wrong: '', afterNo: false },
      errors: [],
    });
    expect(read({ wrong: 'le lien', after: 'no' })).toMatchObject({
      comment: { trying: '', wrong: 'le lien', afterNo: true },
      errors: [],
    });
  });

  it('asks for something when both fields are empty, or blank once cleaned', () => {
    expect(read({ trying: '', wrong: '' })).toMatchObject({
      errors: [{ field: 'trying', problem: 'empty' }],
    });
    expect(read({ trying: ' \u200b\t', wrong: '\r\n' })).toMatchObject({
      errors: [{ field: 'trying', problem: 'empty' }],
    });
  });

  it(`takes ${MAX_COMMENT_LENGTH} characters in each field, not one more, counted after cleaning`, () => {
    const full = 'é'.repeat(MAX_COMMENT_LENGTH);
    expect(read({ trying: full, wrong: full })).toMatchObject({ errors: [] });
    // Browsers send line breaks as CRLF, which counts one character here as in the form.
    expect(read({ trying: 'a\r\n'.repeat(MAX_COMMENT_LENGTH / 2) })).toMatchObject({
      errors: [],
    });
    expect(read({ trying: `${full}x`, wrong: `${full}xy` })).toMatchObject({
      errors: [
        { field: 'trying', problem: 'tooLong', length: MAX_COMMENT_LENGTH + 1 },
        { field: 'wrong', problem: 'tooLong', length: MAX_COMMENT_LENGTH + 2 },
      ],
    });
  });
});
