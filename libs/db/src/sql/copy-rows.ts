import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A column's value in a row copyRows sends: an object is sent as its JSON (a json or jsonb column). */
export type CopyValue = string | number | boolean | null | object;

/** Raised when copyRows is given an EntityManager outside a transaction. */
export class CopyOutsideTransactionError extends Error {
  constructor(table: string) {
    super(`COPY into ${table} runs in the caller's transaction: pass the transactional EntityManager`);
    this.name = 'CopyOutsideTransactionError';
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
/*
 * Bytes per buffer handed to the stream. Rows are written into buffers, never made strings of
 * their own: joining a row's values, the rows into a chunk, and the chunk into bytes for the
 * socket was half of what a run allocated while writing its order lines, and every young
 * collection it brought on moved the batch's lines, still waiting to be written, to the old
 * generation (issue 13, P3).
 */
const CHUNK_BYTES = 65_536;
/* UTF-8 spends at most 3 bytes on a UTF-16 code unit: room is checked without measuring the text. */
const MAX_BYTES_PER_UNIT = 3;
const TAB = 0x09;
const NEWLINE = 0x0a;
/* What COPY's text format escapes; `search` reads a global expression from its start every time. */
const ESCAPED = /[\\\n\r\t]/g;
const TEXT_FORMAT_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value in COPY's text format: tab, newline, carriage return and backslash escaped, null as \N. */
function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.search(ESCAPED) === -1 ? text : text.replace(ESCAPED, (c) => TEXT_FORMAT_ESCAPES[c]!);
}

/**
 * `rows` in COPY's text format, in buffers of CHUNK_BYTES holding whole rows (so callers
 * writing to one COPY at once interleave rows, never parts of them); a row longer than that
 * starts a buffer of its own size.
 */
function* copyChunks(rows: Iterable<readonly CopyValue[]>): Generator<Buffer> {
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let used = 0;
  for (const row of rows) {
    const texts = row.map(copyText);
    const room = texts.reduce((bytes, text) => bytes + text.length * MAX_BYTES_PER_UNIT + 1, 0);
    if (used + room > chunk.length) {
      if (used > 0) yield chunk.subarray(0, used);
      chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, room));
      used = 0;
    }
    texts.forEach((text, column) => {
      used += chunk.write(text, used);
      chunk[used++] = column === texts.length - 1 ? NEWLINE : TAB;
    });
  }
  if (used > 0) yield chunk.subarray(0, used);
}

/**
 * A COPY in progress: rows go out as they are written, by one caller or several at once;
 * nothing else runs on the transaction's connection until it ends.
 */
export interface CopyWriter {
  /** Sends rows; resolves once the stream can take more (PostgreSQL keeps up), rejects if the COPY failed. */
  write(rows: Iterable<readonly CopyValue[]>): Promise<void>;
  /** Ends the COPY; resolves with the rows copied, or rejects with PostgreSQL's refusal. */
  end(): Promise<number>;
  /** Gives the COPY up: PostgreSQL rolls it back, and the caller's transaction with it. */
  abort(reason: Error): Promise<void>;
}

/**
 * Starts `COPY table (columns) FROM STDIN` in `em`'s transaction, for rows that arrive over time
 * (each part of a network's answer as it is read): the fastest way PostgreSQL takes many rows,
 * each row text only until it is sent. Table and column names are the code's own, never input.
 * Constraints and triggers hold as for an INSERT: a row that breaks one fails the COPY with
 * PostgreSQL's error, and the transaction with it.
 */
export async function openCopy(em: EntityManager, table: string, columns: readonly string[]): Promise<CopyWriter> {
  for (const name of [table, ...columns]) {
    if (!IDENTIFIER.test(name)) throw new Error(`COPY: ${JSON.stringify(name)} is not a plain table or column name`);
  }
  const transaction = em.getTransactionContext();
  if (!transaction) throw new CopyOutsideTransactionError(table);
  // knex hands a transaction's own connection to whoever asks its client (see knex's makeTxClient).
  const connection = (await transaction.client.acquireConnection()) as ClientBase;
  const copy = connection.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
  const done = finished(copy);
  // Settled whenever the COPY ends: a refusal surfaces on the next write or end, never as an unhandled rejection.
  done.catch(() => undefined);
  // pg-copy-streams emits PostgreSQL's refusal as an event and lets its connection go without
  // marking the stream failed: a write after it would throw a TypeError that hides the refusal.
  let refused = false;
  copy.once('error', () => (refused = true));
  return {
    async write(rows) {
      for (const chunk of copyChunks(rows)) {
        if (refused || copy.destroyed || copy.errored) return done.then(() => undefined);
        if (!copy.write(chunk)) await Promise.race([once(copy, 'drain'), done]);
      }
    },
    async end() {
      copy.end();
      await done;
      return copy.rowCount;
    },
    async abort(reason) {
      copy.destroy(reason);
      await done.catch(() => undefined);
    },
  };
}

/**
 * Streams `rows` into `table` with openCopy, all at once: see there. Returns the rows copied.
 */
export async function copyRows(em: EntityManager, table: string, columns: readonly string[], rows: Iterable<readonly CopyValue[]>): Promise<number> {
  const copy = await openCopy(em, table, columns);
  try {
    await copy.write(rows);
  } catch (error) {
    await copy.abort(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  return copy.end();
}
