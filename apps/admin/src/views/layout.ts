import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { tryGetContext } from 'hono/context-storage';
import { currentOperator, type AdminEnv } from '../admin-env';
import { currentLang, currentMessages, LANGS, type Messages } from '../i18n/messages';
import { ADMIN_SCRIPT_PATH, ADMIN_STYLES_PATH } from './assets';

/** Anything `html` accepts as a fragment: escaped markup, sync or async. */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The pages the header links to. */
const NAVIGATION = [
  { key: 'home', href: '/' },
  { key: 'logs', href: '/logs' },
  { key: 'runs', href: '/runs' },
  { key: 'outbox', href: '/outbox' },
  { key: 'newRun', href: '/runs/new' },
] as const satisfies readonly { key: keyof Messages['nav']; href: string }[];

/** Who is signed in, and the button that signs them out. */
function renderOperatorBox(t: Messages): Markup | null {
  const operator = currentOperator();
  if (operator === null) return null;
  return html`<form class="operator" method="post" action="/logout">
        <span class="who">${operator.username} · ${t.app.roles[operator.role]}</span>
        <button type="submit" class="quiet">${t.app.logOut}</button>
      </form>`;
}

/** RU · EN: links that remember the language and come back to `path` (this page). */
function renderLanguageSwitch(t: Messages, path: string): Markup {
  const current = currentLang();
  return html`<nav class="lang" aria-label="${t.app.languageSwitch}">${LANGS.map((lang) =>
    lang === current ?
      html`<span aria-current="true" lang="${lang}">${lang.toUpperCase()}</span>`
    : html`<a href="/lang?${new URLSearchParams({ to: lang, back: path }).toString()}" lang="${lang}" hreflang="${lang}">${lang.toUpperCase()}</a>`,
  )}</nav>`;
}

/** Where the language switch comes back to: this page when it was a GET, else home. */
function pageToReturnTo(): string {
  const request = tryGetContext<AdminEnv>()?.req;
  if (request?.method !== 'GET') return '/';
  const url = new URL(request.url);
  return url.pathname + url.search;
}

/** The page shell every admin page shares: title, header with the navigation, the language switch and the operator, the admin's own stylesheet and script. */
export function renderLayout(title: string, body: Markup): Markup {
  const t = currentMessages();
  const signedIn = currentOperator() !== null;
  const titles = NAVIGATION.map((page) => t.nav[page.key]);
  return html`<!doctype html>
<html lang="${currentLang()}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · ${t.app.titleSuffix}</title>
    <link rel="stylesheet" href="${ADMIN_STYLES_PATH}" />
    <script src="${ADMIN_SCRIPT_PATH}" defer></script>
  </head>
  <body>
    <header>
      <h1>${t.app.name}</h1>
      ${signedIn ? html`<nav>${NAVIGATION.map((page) => html`<a href="${page.href}" aria-current="${t.nav[page.key] === title ? 'page' : 'false'}">${t.nav[page.key]}</a>`)}</nav>` : null}
      ${titles.includes(title) ? null : html`<span>${title}</span>`}
      ${renderLanguageSwitch(t, pageToReturnTo())}
      ${renderOperatorBox(t)}
    </header>
    <main>${body}</main>
  </body>
</html>`;
}

/** A coloured box with a message: info, success, warning or error. */
export function renderNotice(tone: 'info' | 'success' | 'warning' | 'error', content: Markup | string): Markup {
  return html`<div class="notice ${tone}" role="${tone === 'error' || tone === 'warning' ? 'alert' : 'status'}">${content}</div>`;
}

/** A request refused before anything was done (a foreign origin, an unreadable or oversized form): the reason and a way back. */
export function renderRefusalPage(title: string, reason: string): Markup {
  return renderLayout(title, renderNotice('error', html`${reason} <a href="/">${currentMessages().app.back}</a>`));
}
