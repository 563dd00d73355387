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
 * Characters per string handed to the stream: enough rows to keep calls few, and far below the
 * 128 KB from which V8 allocates a string (and the stream's copy of it) as a large object. Those
 * are freed only by a full collection: 500 order lines a chunk, with their explanations (about
 * 400 characters a line), made 200 KB strings, a run's 365,000 lines 730 of them (issue 13, P3).
 */
const CHUNK_CHARACTERS = 16_384;
const TEXT_FORMAT_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A value in COPY's text format: tab, newline, carriage return and backslash escaped, null as \N. */
function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.replace(/[\\\n\r\t]/g, (c) => TEXT_FORMAT_ESCAPES[c]!);
}

function* copyChunks(rows: Iterable<readonly CopyValue[]>): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    chunk += `${row.map(copyText).join('\t')}\n`;
    if (chunk.length >= CHUNK_CHARACTERS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** A COPY in progress: rows go out as they are written; nothing else runs on the transaction's connection until it ends. */
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
  return {
    async write(rows) {
      for (const chunk of copyChunks(rows)) {
        if (copy.destroyed || copy.errored) return done.then(() => undefined);
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
