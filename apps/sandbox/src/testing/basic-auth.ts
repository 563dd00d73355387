/** An `Authorization: Basic …` value, as the 1С client sends it. */
export function basicAuth(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

/** The sandbox's default account (the 1С client's defaults). */
export const DEFAULT_AUTH = basicAuth('hub', 'hub-sandbox');
