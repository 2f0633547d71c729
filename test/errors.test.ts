import request from 'supertest';
import pino from 'pino';
import { createApp } from '../src/app';
import type { Site } from '../src/site/site';
import { html, testApp, testFeedbackDesk, tree } from './helpers';

describe('errors', () => {
  it.each(tree.languages)(
    'answers an unknown $code page with a 404 in that language',
    async (language) => {
      const { app } = await testApp();
      const response = await request(app).get(`/${language.code}/no-such-page/`);
      expect(response.status).toBe(404);
      const $ = html(response.text);
      expect($('html').attr('lang')).toBe(language.tag);
      expect($('h1')).toHaveLength(1);
      expect($(`main a[href="/${language.code}/"]`)).toHaveLength(1);
    },
  );

  it('answers an unknown language with a 404 that links to the language choice', async () => {
    const { app } = await testApp();
    const response = await request(app).get('/xx/startseite/');
    expect(response.status).toBe(404);
    const $ = html(response.text);
    expect($('main a[href="/"]').length).toBeGreaterThan(0);
    for (const language of tree.languages) {
      expect($(`main [lang="${language.tag}"]`).length).toBeGreaterThan(0);
    }
  });

  it.each(['/fr/%E0%A4%A', '/%'])(
    'answers malformed percent-encoding %s with 400',
    async (path) => {
      const { app } = await testApp();
      const response = await request(app).get(path);
      expect(response.status).toBe(400);
      expect(response.text).toContain('<h1>');
    },
  );

  it('answers a server fault with a localized 500 page and no internals', async () => {
    const { site } = await testApp();
    const fault = new Error('database exploded at /srv/app/secret.ts:12');
    const faults: unknown[] = [];
    const logger = pino(
      { level: 'error' },
      { write: (line: string) => faults.push(JSON.parse(line)) },
    );
    const broken: Site = {
      ...site,
      renderSearch: () => {
        throw fault;
      },
    };
    const app = createApp({
      site: broken,
      assets: { urls: {}, byUrl: new Map() },
      logger,
      feedback: testFeedbackDesk(),
    });
    const searchPath =
      [...site.searchPaths].find(([, language]) => language.code === 'nl')?.[0] ?? '';
    const response = await request(app).get(`${searchPath}?q=rol`);
    expect(response.status).toBe(500);
    expect(html(response.text)('html').attr('lang')).toBe('nl-BE');
    expect(response.text).not.toContain('exploded');
    expect(response.text).not.toMatch(/\/srv\/|\.ts:|at \w+ \(/);
    expect(faults).toEqual([expect.objectContaining({ msg: 'server fault' })]);
  });
});
