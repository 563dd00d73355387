import { html } from 'hono/html';
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

function problemNotice(model: SignInPageModel): Markup | null {
  switch (model.problem) {
    case 'refused':
      return renderNotice('error', 'Wrong username or password.');
    case 'throttled': {
      const minutes = Math.ceil((model.retryAfterSeconds ?? 60) / 60);
      return renderNotice('error', `Too many failed sign-ins. Try again in ${minutes} min.`);
    }
    case 'expired':
      return renderNotice('warning', 'Your session has ended (idle too long, or signed out). Sign in again; nothing was changed.');
    default:
      return null;
  }
}

/** The sign-in form; the only page (with /health) that needs no session. */
export function renderSignInPage(model: SignInPageModel): Markup {
  return renderLayout(
    'Sign in',
    html`<section class="panel sign-in">
  ${problemNotice(model)}
  <form method="post" action="/login" class="sign-in">
    <input type="hidden" name="next" value="${model.next}" />
    <label>Username<input type="text" name="username" value="${model.username ?? ''}" autocomplete="username" autocapitalize="none" required autofocus /></label>
    <label>Password<input type="password" name="password" autocomplete="current-password" required /></label>
    <button type="submit">Sign in</button>
  </form>
</section>`,
  );
}

/** A viewer pressed a button that changes something. */
export function renderForbiddenPage(): Markup {
  return renderLayout(
    'Not allowed',
    renderNotice('error', html`Your role is <strong>viewer</strong>: you can read every page, but only an operator can start runs or retry events. Nothing was changed. <a href="/">Back</a>`),
  );
}
