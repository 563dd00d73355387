const REDACTED = '[redacted]';

/**
 * Returns a function that replaces every given secret in a text. Used on anything the
 * other side sends back that ends up in an error message, since a misbehaving server may
 * echo the credentials it received.
 */
export function createSecretScrubber(secrets: readonly string[]): (text: string) => string {
  const present = secrets.filter((secret) => secret.length > 0);
  return (text) => present.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}
