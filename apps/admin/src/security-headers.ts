import { secureHeaders } from 'hono/secure-headers';

/**
 * The admin's security headers: a CSP that lets a page load only the admin's own stylesheet
 * and script (no inline script or style, nothing from another origin), never be framed, and
 * post forms only to the admin; no MIME sniffing; no Referer leaving the admin.
 */
export function adminSecureHeaders() {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    // HSTS belongs to whoever terminates TLS in front of the admin.
    strictTransportSecurity: false,
  });
}
