import { describe, expect, it } from 'vitest';
import { createStdoutLogger } from '@hub/logging';
import { useTestOrm } from '@hub/testing';
import { createAdminApp } from '../app';
import { seedRunWithOrders } from '../runs/testing/seed-runs';
import { signedInAdmin, type SignedInAdmin } from '../testing/admin-session';
import { unusedLocalUrl } from '../testing/hub-api-stand-in';
import { en } from './en';
import { CATALOGUES, LANG_COOKIE } from './messages';
import { countOf } from './plural';
import { ru } from './ru';

const silent = createStdoutLogger('admin-test', 'silent');

/** Every text leaf of a catalogue by its path (`logs.periods.24h`): strings as they are, functions as functions. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) for (const [leaf, text] of leaves(child, path ? `${path}.${key}` : key)) found.set(leaf, text);
  } else found.set(path, value);
  return found;
}

/** The texts of `lang`'s catalogue that the other language says differently: what must never show on the other language's pages. */
function foreignTexts(lang: 'ru' | 'en'): string[] {
  const own = leaves(CATALOGUES[lang]);
  const other = leaves(CATALOGUES[lang === 'ru' ? 'en' : 'ru']);
  // Under 3 characters (`d`, `h`, `s`: units) a word could be part of stored data; every longer one is checked.
  return [...own].flatMap(([path, text]) => (typeof text === 'string' && text !== other.get(path) && text.length >= 3 ? [text] : []));
}

/** What a reader sees of the admin's own words: the page without its tags and stored JSON payloads (data, as stored), entities decoded. */
function visibleText(body: string): string {
  return body
    .replace(/<(script|style|pre)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');
}

/** The foreign texts that appear on the page as whole words (`SKU` in a code like `SKU-0002` is data, not a word). */
function mixedIn(body: string, foreign: string[]): string[] {
  const text = visibleText(body);
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return foreign.filter((word) => new RegExp(`(?<![\\p{L}\\p{N}_-])${escape(word)}(?![\\p{L}\\p{N}_-])`, 'u').test(text));
}

describe('the message catalogues', () => {
  it('have the same keys, each a non-empty text (or a function) in both languages', () => {
    const russian = leaves(ru);
    const english = leaves(en);
    expect([...english.keys()].sort()).toEqual([...russian.keys()].sort());
    for (const [path, text] of russian) {
      const translation = english.get(path);
      expect(typeof translation, path).toBe(typeof text);
      if (typeof text === 'string') {
        expect(text.trim(), `ru ${path}`).not.toBe('');
        expect(String(translation).trim(), `en ${path}`).not.toBe('');
      }
    }
    expect(foreignTexts('en').length).toBeGreaterThan(100);
  });

  it('count in Russian with its three forms, and in English with two', () => {
    const orders = { one: 'заказ', few: 'заказа', many: 'заказов', other: 'заказа' };
    expect([1, 2, 5, 11, 21, 22, 25].map((count) => countOf('ru-RU', count, orders))).toEqual([
      '1 заказ',
      '2 заказа',
      '5 заказов',
      '11 заказов',
      '21 заказ',
      '22 заказа',
      '25 заказов',
    ]);
    expect(ru.logs.count(1, 'последний час', false)).toMatch(/^1 запись журнала/);
    expect(ru.logs.count(3, 'последний час', false)).toMatch(/^3 записи журнала/);
    expect(ru.logs.count(5, 'последний час', false)).toMatch(/^5 записей журнала/);
    expect(ru.orders.attempts(2)).toBe('2 попытки');
    expect(en.logs.count(1, 'the last hour', false)).toMatch(/^1 log entry for/);
    expect(en.logs.count(2, 'the last hour', false)).toMatch(/^2 log entries for/);
    // Numbers are written by the locale: a thousands separator in Russian is a (narrow) no-break space.
    expect(countOf('ru-RU', 12_345, orders)).toMatch(/^12\s345 заказов$/u);
    expect(countOf('en-GB', 12_345, { one: 'run', other: 'runs' })).toBe('12,345 runs');
  });
});

describe('the admin’s language', () => {
  const database = useTestOrm();
  const PAGES = ['/', '/logs', '/runs', '/outbox', '/runs/new', '/runs/not-a-uuid', '/no-such-page'];

  /** Signed in with no language cookie, as a browser that has never switched. */
  const freshBrowser = async (): Promise<SignedInAdmin> =>
    signedInAdmin({ sessions: database.sessions, apiBaseUrl: await unusedLocalUrl(), logger: silent }, 'operator', 'ru.reader', null);

  it('is Russian by default on every page, with no English catalogue text mixed in', async () => {
    const seeded = await seedRunWithOrders(database.sessions);
    await database.sessions
      .open()
      .execute(`insert into integration_logs (level, message, source, run_id) values ('INFO', 'run planned 2 orders', 'api', ?::uuid)`, [seeded.runId]);
    const admin = await freshBrowser();
    const english = foreignTexts('en');
    // Refused filters too: the problems are told in Russian.
    const refused = ['/logs?level=verbose&older=4x', '/runs?status=nope', '/outbox?cursor=x', '/logs?period=custom'];
    for (const path of [...PAGES, ...refused, `/runs/${seeded.runId}`, '/logs?text=planned', '/login']) {
      const response = await admin.request(`http://localhost${path}`);
      const body = await response.text();
      expect(body, path).toContain('<html lang="ru">');
      expect(mixedIn(body, english), path).toEqual([]);
    }
    const invalid = await (await admin.request('http://localhost/logs?level=verbose')).text();
    expect(invalid).toContain(`<li>${ru.validation.oneOf('level', 'DEBUG, INFO, WARNING, ERROR, CRITICAL')}</li>`);
    const logs = await (await admin.request('http://localhost/logs')).text();
    expect(logs).toContain(`<label>${ru.logs.period}`);
    expect(logs).toContain(`<th>${ru.logs.columns.message}</th>`);
    expect(logs).toContain(ru.logs.count(1, ru.logs.presetPhrases['24h'], false));
    const run = await (await admin.request(`http://localhost/runs/${seeded.runId}`)).text();
    expect(run).toContain(`<dt>${ru.runs.facts.startedBy}</dt><dd>marina.k</dd>`);
    expect(run).toContain(`<h2>${ru.runs.transferOrders(1)}</h2>`);
    // The header names the operator's role in Russian too.
    expect(run).toContain(`<span class="who">ru.reader · ${ru.app.roles.operator}</span>`);
  });

  it('switches to English with a link that remembers the choice in a long-lived cookie, and back', async () => {
    const admin = await freshBrowser();
    const page = await (await admin.request('http://localhost/logs?level=ERROR')).text();
    expect(page).toContain('<a href="/lang?to=en&amp;back=%2Flogs%3Flevel%3DERROR" lang="en" hreflang="en">EN</a>');

    const switched = await admin.request('http://localhost/lang?to=en&back=%2Flogs%3Flevel%3DERROR');
    expect(switched.status).toBe(303);
    expect(switched.headers.get('location')).toBe('/logs?level=ERROR');
    const setCookie = switched.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^lang=en; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/);

    // The browser keeps the cookie: this page and every later one are English.
    const remembered = (path: string) =>
      admin.request(`http://localhost${path}`, { headers: { cookie: `${LANG_COOKIE}=en` } }).then((response) => response.text());
    const russian = foreignTexts('ru');
    for (const path of PAGES) {
      const body = await remembered(path);
      expect(body, path).toContain('<html lang="en">');
      expect(mixedIn(body, russian), path).toEqual([]);
    }
    expect(await remembered('/logs')).toContain(`<label>${en.logs.period}`);
    expect(await remembered('/runs')).toContain(`<a href="/lang?to=ru&amp;back=%2Fruns" lang="ru" hreflang="ru">RU</a>`);

    const back = await admin.request('http://localhost/lang?to=ru&back=/runs');
    expect(back.headers.get('set-cookie')).toMatch(/^lang=ru;/);
  });

  it('switches on the sign-in page too, and never sends the browser to another site or an unknown language', async () => {
    const app = createAdminApp({ sessions: database.sessions, apiBaseUrl: await unusedLocalUrl(), logger: silent });
    const switched = await app.request('http://localhost/lang?to=en&back=%2Flogin');
    expect(switched.status).toBe(303);
    expect(switched.headers.get('location')).toBe('/login');
    const signIn = await (await app.request('http://localhost/login', { headers: { cookie: 'lang=en' } })).text();
    expect(signIn).toContain(`<button type="submit">${en.signIn.submit}</button>`);
    expect(await (await app.request('http://localhost/login')).text()).toContain(`<button type="submit">${ru.signIn.submit}</button>`);

    for (const back of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const response = await app.request(`http://localhost/lang?to=en&back=${encodeURIComponent(back)}`);
      expect(response.headers.get('location'), back).toBe('/');
    }
    const unknown = await app.request('http://localhost/lang?to=de&back=/login');
    expect(unknown.headers.get('set-cookie')).toMatch(/^lang=ru;/);
    // A cookie naming a language the admin does not have reads as Russian.
    expect(await (await app.request('http://localhost/login', { headers: { cookie: 'lang=de' } })).text()).toContain('<html lang="ru">');
  });
});
