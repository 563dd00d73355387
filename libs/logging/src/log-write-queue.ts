import type { LogRow } from './log-row';

/** How one row's write ended: stored, or refused with the error that says why. */
export type RowWriteOutcome = { stored: true } | { stored: false; error: unknown };

/** Writes rows as one statement, all or none; rejects when the statement fails. */
export type WriteLogRows = (rows: readonly LogRow[]) => Promise<void>;

/**
 * Rows in one statement at most. The statement binds one array per column (13 parameters
 * whatever the count), so the cap bounds the statement's size and the rows a failed batch
 * retries one by one, not PostgreSQL's 65,535 parameters.
 */
export const MAX_ROWS_PER_STATEMENT = 1000;

interface QueuedRow {
  row: LogRow;
  settle: (outcome: RowWriteOutcome) => void;
}

/**
 * Group commit. A row logged while no write is in flight is written at once, alone; rows logged
 * while one is in flight wait for it and then go together as one statement (up to
 * MAX_ROWS_PER_STATEMENT), so a burst costs a few commits instead of one per row. One statement
 * at a time keeps the ids in the order the rows were queued. Each row's promise settles when its
 * own statement has committed or failed; it never rejects.
 */
export class LogWriteQueue {
  readonly #write: WriteLogRows;
  /** The waiting rows as the statements they will go in: each batch full but the last. */
  readonly #batches: QueuedRow[][] = [];
  #writing = false;
  #settled: { queued: QueuedRow; outcome: RowWriteOutcome }[] = [];

  constructor(write: WriteLogRows) {
    this.#write = write;
  }

  /** Queues `row`; starts writing now when nothing else is being written. */
  enqueue(row: LogRow): Promise<RowWriteOutcome> {
    return new Promise((settle) => {
      const last = this.#batches.at(-1);
      if (last && last.length < MAX_ROWS_PER_STATEMENT) last.push({ row, settle });
      else this.#batches.push([{ row, settle }]);
      if (!this.#writing) void this.#writeQueued();
    });
  }

  async #writeQueued(): Promise<void> {
    this.#writing = true;
    try {
      for (let batch = this.#batches.shift(); batch; batch = this.#batches.shift()) await this.#writeBatch(batch);
    } finally {
      this.#writing = false;
    }
  }

  /**
   * One statement for `batch`. When the batch fails because of a row's data (SQLSTATE class 22
   * or 23), the rows are written again one by one so that only the refused row is lost; any
   * other failure (the database is down, the table is missing) fails every row of the batch.
   */
  async #writeBatch(batch: readonly QueuedRow[]): Promise<void> {
    try {
      await this.#write(batch.map((queued) => queued.row));
    } catch (error) {
      if (batch.length > 1 && isRowDataError(error)) {
        for (const queued of batch) await this.#writeBatch([queued]);
      } else {
        for (const queued of batch) this.#settle(queued, { stored: false, error });
      }
      return;
    }
    for (const queued of batch) this.#settle(queued, { stored: true });
  }

  /**
   * Settles rows on the next turn of the event loop, in the order they were queued. Settled
   * at once, a batch's callers (their stdout lines) would run before the next statement is
   * sent; this way they run while it is at the server.
   */
  #settle(queued: QueuedRow, outcome: RowWriteOutcome): void {
    this.#settled.push({ queued, outcome });
    if (this.#settled.length === 1) setImmediate(() => this.#releaseSettled());
  }

  #releaseSettled(): void {
    const settled = this.#settled;
    this.#settled = [];
    for (const { queued, outcome } of settled) queued.settle(outcome);
  }
}

/** SQLSTATE class 22 (data exception) or 23 (integrity constraint violation): one row's fault. */
function isRowDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code);
}
