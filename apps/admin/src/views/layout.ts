import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { currentOperator } from '../admin-env';
import { ADMIN_SCRIPT_PATH, ADMIN_STYLES_PATH } from './assets';

/** Anything `html` accepts as a fragment: escaped markup, sync or async. */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The pages the header links to. */
const NAVIGATION = [
  { title: 'Home', href: '/' },
  { title: 'Logs', href: '/logs' },
  { title: 'Runs', href: '/runs' },
  { title: 'Outbox', href: '/outbox' },
  { title: 'New run', href: '/runs/new' },
] as const;

/** Who is signed in, and the button that signs them out. */
function renderOperatorBox(): Markup | null {
  const operator = currentOperator();
  if (operator === null) return null;
  return html`<form class="operator" method="post" action="/logout">
        <span class="who">${operator.username} · ${operator.role}</span>
        <button type="submit" class="quiet">Log out</button>
      </form>`;
}

/** The page shell every admin page shares: title, header with the navigation and the operator, the admin's own stylesheet and script. */
export function renderLayout(title: string, body: Markup): Markup {
  const signedIn = currentOperator() !== null;
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Integration Hub admin</title>
    <link rel="stylesheet" href="${ADMIN_STYLES_PATH}" />
    <script src="${ADMIN_SCRIPT_PATH}" defer></script>
  </head>
  <body>
    <header>
      <h1>Integration Hub</h1>
      ${signedIn ? html`<nav>${NAVIGATION.map((page) => html`<a href="${page.href}" aria-current="${page.title === title ? 'page' : 'false'}">${page.title}</a>`)}</nav>` : null}
      ${NAVIGATION.some((page) => page.title === title) ? null : html`<span>${title}</span>`}
      ${renderOperatorBox()}
    </header>
    <main>${body}</main>
  </body>
</html>`;
}

/** A coloured box with a message: info, success, warning or error. */
export function renderNotice(tone: 'info' | 'success' | 'warning' | 'error', content: Markup | string): Markup {
  return html`<div class="notice ${tone}" role="${tone === 'error' || tone === 'warning' ? 'alert' : 'status'}">${content}</div>`;
}
