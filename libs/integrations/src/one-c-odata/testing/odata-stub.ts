import { listenOnLoopback, type LoopbackServer } from '@hub/test-kit';

/** One request as the stub saw it: the raw (still percent-encoded) path and query, and what they mean. */
export interface SeenRequest {
  method: string;
  rawPath: string;
  rawQuery: string;
  /** The resource below the service root, decoded (`Catalog_Склады`, `Document_X(guid'…')/Post`). */
  resource: string;
  /** Query options decoded as 1С decodes them: `%XX` only — a `+` stays a `+`. */
  query: Record<string, string>;
  headers: Headers;
  body: unknown;
}

export const SERVICE_PATH = '/base/odata/standard.odata';

/** A stub 1С publication on 127.0.0.1: `respond` answers each request; every request is kept in `seen`. */
export async function startODataStub(
  respond: (request: SeenRequest) => Response | Promise<Response>,
): Promise<{ serviceUrl: string; seen: SeenRequest[]; close(): Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server: LoopbackServer = await listenOnLoopback(async (request) => {
    const raw = request.url.replace(/^https?:\/\/[^/]+/, '');
    const [rawPath = '', rawQuery = ''] = raw.split('?', 2);
    const query = Object.fromEntries(
      rawQuery
        .split('&')
        .filter(Boolean)
        .map((pair) => {
          const [k = '', v = ''] = pair.split('=', 2);
          return [decodeURIComponent(k), decodeURIComponent(v)];
        }),
    );
    const text = await request.text();
    const entry: SeenRequest = {
      method: request.method,
      rawPath,
      rawQuery,
      resource: decodeURIComponent(rawPath).replace(`${SERVICE_PATH}/`, ''),
      query,
      headers: request.headers,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    seen.push(entry);
    return respond(entry);
  });
  return { serviceUrl: server.url + SERVICE_PATH, seen, close: () => server.close() };
}

/** 1С's error body: `{"odata.error": {"code", "message": {"lang", "value"}}}`. */
export const odataError = (status: number, code: string, message: string) =>
  Response.json({ 'odata.error': { code, message: { lang: 'ru', value: message } } }, { status });
