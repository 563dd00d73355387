import { html } from 'hono/html';
import { currentMessages, type Messages } from '../i18n/messages';
import { renderLayout, renderNotice, type Markup } from './layout';

/** Why the sign-in page is shown again. */
export type SignInProblem = 'refused' | 'throttled' | 'expired';

export interface SignInPageModel {
  /** The admin path to go back to after signing in. */
  next: string;
  username?: string;
  problem?: SignInProblem;
  retryAfterSeconds?: number;
}

function problemNotice(model: SignInPageModel, t: Messages): Markup | null {
  switch (model.problem) {
    case 'refused':
      return renderNotice('error', t.signIn.refused);
    case 'throttled':
      return renderNotice('error', t.signIn.throttled(Math.ceil((model.retryAfterSeconds ?? 60) / 60)));
    case 'expired':
      return renderNotice('warning', t.signIn.expired);
    default:
      return null;
  }
}

/** The sign-in form; the only page (with /health) that needs no session. */
export function renderSignInPage(model: SignInPageModel): Markup {
  const t = currentMessages();
  return renderLayout(
    t.signIn.title,
    html`<section class="panel sign-in">
  ${problemNotice(model, t)}
  <form method="post" action="/login" class="sign-in">
    <input type="hidden" name="next" value="${model.next}" />
    <label>${t.signIn.username}<input type="text" name="username" value="${model.username ?? ''}" autocomplete="username" autocapitalize="none" required autofocus /></label>
    <label>${t.signIn.password}<input type="password" name="password" autocomplete="current-password" required /></label>
    <button type="submit">${t.signIn.submit}</button>
  </form>
</section>`,
  );
}

/** A viewer pressed a button that changes something. */
export function renderForbiddenPage(): Markup {
  const t = currentMessages();
  return renderLayout(t.signIn.forbiddenTitle, renderNotice('error', html`${t.signIn.forbidden} <a href="/">${t.app.back}</a>`));
}
