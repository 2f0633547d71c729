import request from 'supertest';
import { MAX_FEEDBACK_BODY } from '../../src/http/feedback';
import { MAX_COMMENT_LENGTH } from '../../src/feedback/submission';
import { DUPLICATE_WINDOW_MS } from '../../src/feedback/duplicates';
import { FEEDBACK_LIMITS } from '../../src/feedback/rate-limit';
import { html, nodeById, pathOf, TEST_BASE_URL, tree } from '../helpers';
import { feedbackApp, type FeedbackApp } from './feedback-app';

const TASK = nodeById('rl-activate-quality');
const FR = { page: TASK.id, lang: 'fr', website: '' };
const NL = { page: TASK.id, lang: 'nl', website: '' };

let feedback: FeedbackApp;
beforeEach(async () => {
  feedback = await feedbackApp();
});
afterEach(() => feedback.close());

const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  request(feedback.app).post('/feedback').set(headers).type('form').send(fields);

describe('a vote', () => {
  it('« Oui » answers 303 to the thank-you page in the visitor’s language, which links back', async () => {
    for (const [fields, language] of [
      [FR, 'fr'],
      [NL, 'nl'],
    ] as const) {
      const response = await post({ ...fields, useful: 'yes' });
      expect(response.status).toBe(303);
      expect(response.headers['content-security-policy']).toContain("form-action 'self'");
      expect(response.headers['set-cookie']).toBeUndefined();
      const thanks = await request(feedback.app).get(response.headers.location ?? '');
      expect(thanks.status).toBe(200);
      expect(thanks.headers['cache-control']).toBe('no-store');
      const $ = html(thanks.text);
      expect($('html').attr('lang')).toBe(tree.languages.find((l) => l.code === language)?.tag);
      expect($('main a').attr('href')).toBe(pathOf(TASK, language));
      expect($('meta[name="robots"]').attr('content')).toBe('noindex');
    }
    expect((await feedback.rows()).map((row) => [row.kind, row.language])).toEqual([
      ['yes', 'fr'],
      ['yes', 'nl'],
    ]);
  });

  it('« Non » is recorded at once and answers 303 to the comment form, which thanks first', async () => {
    const response = await post({ ...FR, useful: 'no' });
    expect(response.status).toBe(303);
    expect(await feedback.rows()).toMatchObject([
      { kind: 'no', pageId: TASK.id, path: pathOf(TASK, 'fr') },
    ]);
    const form = await request(feedback.app).get(response.headers.location ?? '');
    expect(form.status).toBe(200);
    const $ = html(form.text);
    expect($('h1').text()).toBe('Aidez-nous à améliorer cette page');
    expect($('main form input[name="after"]').val()).toBe('no');
    expect($('main form input[name="page"]').val()).toBe(TASK.id);
    expect($('main textarea')).toHaveLength(2);
  });

  it('stores the page’s address from the site, whatever the post says', async () => {
    await post({ ...FR, useful: 'yes', path: '/fr/elsewhere/', url: 'https://evil.example/' });
    expect((await feedback.rows())[0]?.path).toBe(pathOf(TASK, 'fr'));
  });
});

describe('a comment', () => {
  it('is cleaned, scrubbed of personal data, flagged, and answered with 303 to the thank-you page', async () => {
    const response = await post({
      ...FR,
      trying: 'M’inscrire\r\navec mon e-mail jean.dupont@example.be',
      wrong: 'Le lien « Qualité » ne marche pas',
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/fr\/avis\/merci\/\?page=rl-activate-quality$/);
    expect(await feedback.rows()).toMatchObject([
      {
        kind: 'comment',
        trying: 'M’inscrire\navec mon e-mail […]',
        wrong: 'Le lien « Qualité » ne marche pas',
        redacted: true,
      },
    ]);
  });

  it('without anything in it comes back with an error summary, in the visitor’s language', async () => {
    for (const fields of [FR, NL]) {
      const response = await post({ ...fields, trying: ' ', wrong: '' });
      expect(response.status).toBe(422);
      const $ = html(response.text);
      expect($('title').text()).toMatch(/^(Erreur\u00a0:|Fout:) /);
      const summary = $('.error-summary');
      expect(summary.attr('role')).toBe('alert');
      expect(summary.find('a').attr('href')).toBe('#feedback-trying');
      expect($('#feedback-trying').attr('aria-invalid')).toBe('true');
      expect($('#feedback-trying').attr('aria-describedby')).toContain('feedback-trying-error');
    }
    expect(await feedback.rows()).toEqual([]);
  });

  it(`takes ${MAX_COMMENT_LENGTH} characters a field; one more comes back with what was typed`, async () => {
    const sentence =
      'Je cherchais où activer la « Qualité » employeur, mais l’écran décrit ici n’existe plus. ';
    const full = sentence.repeat(10).slice(0, MAX_COMMENT_LENGTH);
    expect(full).toHaveLength(MAX_COMMENT_LENGTH);
    expect((await post({ ...FR, trying: full, wrong: full })).status).toBe(303);
    const tooLong = `${'a'.repeat(MAX_COMMENT_LENGTH)}b`;
    const response = await post({ ...FR, trying: 'court', wrong: tooLong });
    expect(response.status).toBe(422);
    const $ = html(response.text);
    expect($('#feedback-trying').text()).toBe('court');
    expect($('#feedback-wrong').text()).toBe(tooLong);
    expect($('#feedback-wrong-error').text()).toContain(`${MAX_COMMENT_LENGTH + 1}`);
    expect($('.error-summary a').attr('href')).toBe('#feedback-wrong');
    expect(await feedback.rows()).toHaveLength(1);
  });

  it('keeps « after Non » through a correction', async () => {
    const response = await post({ ...FR, trying: '', wrong: '', after: 'no' });
    expect(html(response.text)('main form input[name="after"]').val()).toBe('no');
  });
});

describe('what a form could not have sent', () => {
  it.each([
    ['an unknown page', { ...FR, page: 'no-such-page', useful: 'yes' }],
    ['a URL for a page', { ...FR, page: pathOf(TASK, 'fr'), useful: 'yes' }],
    ['an unknown language', { ...FR, lang: 'xx', useful: 'yes' }],
    ['an over-long hidden field', { ...FR, lang: 'f'.repeat(100), useful: 'yes' }],
    ['an unknown answer', { ...FR, useful: 'peut-être' }],
  ])('answers %s with 400, in every language', async (_, fields) => {
    const response = await post(fields);
    expect(response.status).toBe(400);
    expect(html(response.text)('main h1 [lang]')).toHaveLength(tree.languages.length);
    expect(await feedback.rows()).toEqual([]);
  });

  // Percent-encoded, an accented letter takes 6 bytes and an emoji 12: two full fields of
  // ordinary French or Dutch take about 1.5 KB, but 1,000 accented letters do not fit.
  it(`refuses a body over ${MAX_FEEDBACK_BODY / 1024} KB with 413, storing nothing`, async () => {
    const almost = { ...FR, trying: 'a'.repeat(MAX_FEEDBACK_BODY - 200) };
    expect((await post(almost)).status).toBe(422);
    const response = await post({ ...FR, trying: 'a'.repeat(MAX_FEEDBACK_BODY) });
    expect(response.status).toBe(413);
    const accented = 'é'.repeat(MAX_COMMENT_LENGTH);
    expect((await post({ ...FR, trying: accented, wrong: accented })).status).toBe(413);
    expect(html(response.text)('h1').text()).toContain('Avis trop long');
    expect(await feedback.rows()).toEqual([]);
  });

  it('answers JSON or multipart bodies with 400', async () => {
    const json = await request(feedback.app)
      .post('/feedback')
      .send({ ...FR, useful: 'yes' });
    expect(json.status).toBe(400);
    const multipart = await request(feedback.app)
      .post('/feedback')
      .field('page', TASK.id)
      .field('lang', 'fr')
      .field('useful', 'yes');
    expect(multipart.status).toBe(400);
    expect(await feedback.rows()).toEqual([]);
  });

  it('takes no other method, and posts nowhere else', async () => {
    expect((await request(feedback.app).get('/feedback')).status).toBe(404);
    expect((await request(feedback.app).put('/feedback').type('form').send(FR)).status).toBe(405);
    const onPage = await request(feedback.app)
      .post(pathOf(TASK, 'fr'))
      .type('form')
      .send({ ...FR, useful: 'yes' });
    expect(onPage.status).toBe(405);
  });

  it('answers feedback pages about unknown pages with 404', async () => {
    for (const path of [
      '/fr/avis/?page=nope',
      '/fr/avis/merci/',
      '/nl/feedback/bedankt/?page=nope',
    ]) {
      expect((await request(feedback.app).get(path)).status).toBe(404);
    }
  });
});

describe('abuse', () => {
  it('answers a filled-in honeypot as if recorded, and stores nothing', async () => {
    const response = await post({ ...FR, useful: 'yes', website: 'https://spam.example' });
    expect(response.status).toBe(303);
    const comment = await post({ ...FR, trying: 'buy now', website: 'x' });
    expect(comment.status).toBe(303);
    expect(await feedback.rows()).toEqual([]);
  });

  it(`drops the same post from the same client within ${DUPLICATE_WINDOW_MS / 1000} s`, async () => {
    const comment = { ...FR, trying: 'double clic' };
    expect((await post(comment)).status).toBe(303);
    expect((await post(comment)).status).toBe(303);
    expect((await post({ ...comment, trying: 'autre chose' })).status).toBe(303);
    expect(await feedback.rows()).toHaveLength(2);
    feedback.clock.now += DUPLICATE_WINDOW_MS;
    expect((await post(comment)).status).toBe(303);
    expect(await feedback.rows()).toHaveLength(3);
  });

  it(`limits a client to ${FEEDBACK_LIMITS.perMinute} posts a minute, with a page in its language`, async () => {
    for (let post_ = 0; post_ < FEEDBACK_LIMITS.perMinute; post_++) {
      expect((await post({ ...NL, trying: `n° ${post_}` })).status).toBe(303);
    }
    const limited = await post({ ...NL, trying: 'encore' });
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect(html(limited.text)('html').attr('lang')).toBe('nl-BE');
    expect(await feedback.rows()).toHaveLength(FEEDBACK_LIMITS.perMinute);
    feedback.clock.now += 60_000;
    expect((await post({ ...NL, trying: 'later' })).status).toBe(303);
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy: a forged address changes nothing', async () => {
    for (let post_ = 0; post_ < FEEDBACK_LIMITS.perMinute; post_++) {
      const forged = { 'x-forwarded-for': `198.51.100.${post_}` };
      expect((await post({ ...FR, trying: `n° ${post_}` }, forged)).status).toBe(303);
    }
    const forged = { 'x-forwarded-for': '203.0.113.99' };
    expect((await post({ ...FR, trying: 'new address?' }, forged)).status).toBe(429);
  });

  it('takes the client from X-Forwarded-For when TRUST_PROXY names the proxy', async () => {
    await feedback.close();
    feedback = await feedbackApp({ trustProxy: ['loopback'] });
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let post_ = 0; post_ < FEEDBACK_LIMITS.perMinute; post_++) {
      expect((await post({ ...FR, trying: `n° ${post_}` }, from('198.51.100.1'))).status).toBe(303);
    }
    expect((await post({ ...FR, trying: 'more' }, from('198.51.100.1'))).status).toBe(429);
    expect((await post({ ...FR, trying: 'more' }, from('198.51.100.2'))).status).toBe(303);
    // The same comment from two clients is two comments.
    expect((await post({ ...FR, trying: 'same' }, from('198.51.100.3'))).status).toBe(303);
    expect((await post({ ...FR, trying: 'same' }, from('198.51.100.4'))).status).toBe(303);
    expect(await feedback.rows()).toHaveLength(FEEDBACK_LIMITS.perMinute + 3);
  });
});

describe('posts from other sites', () => {
  const own = new URL(TEST_BASE_URL).origin;

  it.each([
    ['Origin of another site', { origin: 'https://evil.example' }],
    ['Origin null (a sandboxed page)', { origin: 'null' }],
    ['Origin of the same host over http', { origin: own.replace('https:', 'http:') }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
  ])('are refused with 403 when they send an %s, and nothing is stored', async (_, headers) => {
    const response = await post({ ...FR, useful: 'yes' }, headers);
    expect(response.status).toBe(403);
    expect(html(response.text)('html').attr('lang')).toBe('fr-BE');
    expect(await feedback.rows()).toEqual([]);
  });

  it.each([
    ['the site’s own Origin', { origin: own, 'sec-fetch-site': 'same-origin' }],
    [
      'the site’s own Origin from a static export on another host',
      { origin: own, 'sec-fetch-site': 'cross-site' },
    ],
    ['Sec-Fetch-Site same-origin alone', { 'sec-fetch-site': 'same-origin' }],
    ['neither header (not a browser)', {}],
  ])('are taken with %s', async (_, headers) => {
    expect((await post({ ...FR, useful: 'yes' }, headers)).status).toBe(303);
    expect(await feedback.rows()).toHaveLength(1);
  });
});

describe('when the database fails', () => {
  it('answers 503 in the visitor’s language, keeps serving pages and /readyz, and logs once', async () => {
    await feedback.close();
    // A folder under a file can never be created: the database cannot open.
    feedback = await feedbackApp({ database: { FEEDBACK_DB: '/dev/null/feedback/feedback.db' } });
    for (const fields of [FR, NL, FR]) {
      const response = await post({ ...fields, trying: 'rien ne marche' });
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBeDefined();
      const $ = html(response.text);
      expect($('html').attr('lang')).toBe(fields.lang === 'fr' ? 'fr-BE' : 'nl-BE');
      expect($('main a').attr('href')).toBe(pathOf(TASK, fields.lang));
    }
    expect((await request(feedback.app).get(pathOf(TASK, 'fr'))).status).toBe(200);
    expect((await request(feedback.app).get('/readyz')).status).toBe(200);
    const errors = feedback.logLines.filter((line) => line.includes('"level":50'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('feedback database: recording feedback failed');
  });

  it('does not take a retry after a failure for a duplicate', async () => {
    const failing = { failures: 1 };
    const record = feedback.store.record.bind(feedback.store);
    feedback.store.record = async (entry) => {
      if (failing.failures-- > 0) throw new Error('disk I/O error');
      return record(entry);
    };
    const comment = { ...FR, trying: 'essai' };
    expect((await post(comment)).status).toBe(503);
    expect((await post(comment)).status).toBe(303);
    expect(await feedback.rows()).toHaveLength(1);
  });
});

describe('the logs', () => {
  it('never hold what a visitor wrote, whatever became of it', async () => {
    const secret = 'Zyxwv-marqueur-unique';
    await post({ ...FR, trying: `${secret} ok` });
    await post({ ...FR, trying: `${secret} ok` });
    await post({ ...FR, trying: '', wrong: `${secret}${'x'.repeat(MAX_COMMENT_LENGTH)}` });
    await post({ ...FR, trying: `${secret} spam`, website: secret });
    await post({ ...FR, trying: secret }, { origin: 'https://evil.example' });
    await post({ ...FR, page: secret, trying: secret });
    await post({ ...FR, trying: secret.repeat(400) });
    feedback.store.record = () => Promise.reject(new Error('database is locked'));
    await post({ ...FR, trying: `${secret} lost` });
    for (let post_ = 0; post_ < 5; post_++) await post({ ...FR, trying: `${secret} ${post_}` });
    expect(feedback.logLines.length).toBeGreaterThan(10);
    expect(feedback.logLines.join('\n')).not.toContain(secret);
    expect(feedback.logLines.join('\n')).not.toContain('Zyxwv');
  });
});
