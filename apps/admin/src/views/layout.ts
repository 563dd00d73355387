import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { ADMIN_STYLES } from './styles';

/** Anything `html` accepts as a fragment: escaped markup, sync or async. */
export type Markup = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The page shell every admin page shares: title, header and the inline stylesheet. */
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
    <header><h1>Integration Hub</h1><span>${title}</span></header>
    <main>${body}</main>
  </body>
</html>`;
}

/** A coloured box with a message: info, success, warning or error. */
export function renderNotice(tone: 'info' | 'success' | 'warning' | 'error', content: Markup | string): Markup {
  return html`<div class="notice ${tone}" role="${tone === 'error' || tone === 'warning' ? 'alert' : 'status'}">${content}</div>`;
}
