import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ADMIN_STYLES } from './styles';

/** Anything `html` accepts as a fragment: escaped markup, sync or async. */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The pages the header links to. */
const NAVIGATION = [
  { title: 'Logs', href: '/logs' },
  { title: 'Runs', href: '/runs' },
  { title: 'Outbox', href: '/outbox' },
] as const;

/** The page shell every admin page shares: title, header with the navigation, and the inline stylesheet. */
export function renderLayout(title: string, body: Markup): Markup {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Integration Hub admin</title>
    <style>${raw(ADMIN_STYLES)}</style>
  </head>
  <body>
    <header>
      <h1>Integration Hub</h1>
      <nav>${NAVIGATION.map((page) => html`<a href="${page.href}" aria-current="${page.title === title ? 'page' : 'false'}">${page.title}</a>`)}</nav>
      ${NAVIGATION.some((page) => page.title === title) ? null : html`<span>${title}</span>`}
    </header>
    <main>${body}</main>
  </body>
</html>`;
}

/** A coloured box with a message: info, success, warning or error. */
export function renderNotice(tone: 'info' | 'success' | 'warning' | 'error', content: Markup | string): Markup {
  return html`<div class="notice ${tone}" role="${tone === 'error' || tone === 'warning' ? 'alert' : 'status'}">${content}</div>`;
}
