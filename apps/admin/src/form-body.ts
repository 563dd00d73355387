import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { currentMessages } from './i18n/messages';
import { renderRefusalPage } from './views/layout';

/** A form's fields as `c.req.parseBody()` reads them. */
export type FormBody = Awaited<ReturnType<Context['req']['parseBody']>>;

/**
 * The posted form, or a 400 page saying it cannot be read (nothing done): a multipart body
 * without its boundary, cut short or not multipart at all makes the platform's form parser
 * throw a TypeError, which would otherwise be answered as an internal error (500).
 */
export async function readFormBody(c: Context): Promise<FormBody> {
  try {
    return await c.req.parseBody();
  } catch (error) {
    const t = currentMessages().app;
    // A layout with async parts renders to a promise: the exception needs the finished response.
    const page = await c.html(renderRefusalPage(t.malformedForm, t.malformedFormBody), 400);
    throw new HTTPException(400, { res: page, cause: error });
  }
}
