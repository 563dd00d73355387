/**
 * P5: the admin's logs explorer on a large `integration_logs` (log-rows.ts fills it). Each query
 * is what the admin's GET /logs makes of its form (parseLogsRequest) run through the same
 * queryLogs, `repeats` times: the figure is its p95. The "floor" is the plan: every statement
 * queryLogs sends for it is EXPLAINed as sent, and a Seq Scan of integration_logs fails the
 * line; the indexes it uses are named. A failing line prints EXPLAIN (ANALYZE, BUFFERS) of its
 * statements to stderr, the first thing to read when looking for the cause.
 */
import { Client } from 'pg';
import { createOrmOptions, createSessionFactory, MikroORM, type EntityManager } from '@hub/db';
import { createStdoutLogger, queryLogs, type LogQuery } from '@hub/logging';
import { migrateUp } from '@hub/migrations';
import { parseLogsRequest, readLogsForm } from '../../../apps/admin/src/logs/logs-request';
import { round, type BenchLine } from '../support/lines';
import { withScratchDatabase } from '../support/scratch';
import { fillLogs, OUTBOX_JOB, RARE_PHRASE } from './log-rows';

const DEEP_PAGES = 50;
const WARM_UP = 2;

interface Statement {
  sql: string;
  params: unknown[];
}

interface Plan {
  /** The indexes the plan reads, in plan order, without the `ix_integration_logs_` prefix. */
  indexes: string[];
  seqScan: boolean;
}

/** `em` with every statement it executes recorded in `into`. */
function recording(em: EntityManager, into: Statement[]): EntityManager {
  return new Proxy(em, {
    get(target, property) {
      if (property === 'execute') {
        return (...args: Parameters<EntityManager['execute']>) => {
          into.push({ sql: String(args[0]), params: [...(args[1] ?? [])] });
          return target.execute(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  Plans?: PlanNode[];
}

function walk(node: PlanNode, plan: Plan): void {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'integration_logs') plan.seqScan = true;
  const index = node['Index Name']?.replace(/^ix_integration_logs_/, '');
  if (index) plan.indexes.push(`${index}${node['Scan Direction'] === 'Backward' ? ' ↓' : ''}`);
  for (const child of node.Plans ?? []) walk(child, plan);
}

/** The plans of the statements on integration_logs (not the table-exists check), as sent. */
async function planOf(em: EntityManager, statements: Statement[]): Promise<Plan> {
  const plan: Plan = { indexes: [], seqScan: false };
  for (const { sql, params } of statements.filter((s) => s.sql.includes('from integration_logs'))) {
    const [row] = await em.execute<Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>>(`explain (format json) ${sql}`, params, 'all');
    walk(row!['QUERY PLAN'][0]!.Plan, plan);
  }
  plan.indexes = [...new Set(plan.indexes)];
  return plan;
}

async function explainAnalyse(em: EntityManager, statements: Statement[]): Promise<string> {
  const texts: string[] = [];
  for (const { sql, params } of statements.filter((s) => s.sql.includes('from integration_logs'))) {
    const rows = await em.execute<Array<{ 'QUERY PLAN': string }>>(`explain (analyze, buffers) ${sql}`, params, 'all');
    texts.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
  }
  return texts.join('\n\n');
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** The LogQuery the admin's GET /logs makes of these form fields at `now`. */
function adminQuery(fields: Record<string, string>, now: Date): LogQuery {
  const request = parseLogsRequest(readLogsForm(fields), now);
  if (request.kind !== 'valid') throw new Error(`the admin refused ${JSON.stringify(fields)}: ${request.problems.join('; ')}`);
  return request.query;
}

interface Case {
  what: string;
  fields: Record<string, string>;
  goalMs: number;
}

export async function measureLogQueries(options: { rows: number; fullRows: number; repeats: number }): Promise<BenchLine[]> {
  return withScratchDatabase('logs', async (db) => {
    await migrateUp(db.url, createStdoutLogger('bench', 'warn'));
    const now = new Date();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    const orm = await MikroORM.init(createOrmOptions(db.url));
    try {
      const fillSeconds = await fillLogs(client, options.rows, now);
      const sessions = createSessionFactory(orm);
      // A run and a request of the last 12 hours, as an operator would paste them from a page.
      const { rows: ids } = await client.query<{ run_id: string; request_id: string }>(
        `select (select run_id::text from integration_logs where created_at > $1::timestamptz - interval '12 hours' and run_id is not null limit 1) as run_id,
                (select request_id::text from integration_logs where created_at > $1::timestamptz - interval '12 hours' and request_id is not null limit 1) as request_id`,
        [now.toISOString()],
      );
      let deepCursor: string | null = null;
      for (let page = 0; page < DEEP_PAGES; page++) {
        const result = await queryLogs(sessions.open(), adminQuery({ period: '24h', ...(deepCursor ? { older: deepCursor } : {}) }, now));
        if (result.kind !== 'rows' || !result.olderCursor) throw new Error(`the 24 h period ended before page ${page + 1}`);
        deepCursor = result.olderCursor;
      }
      const cases: Case[] = [
        { what: 'newest page of 24 h', fields: { period: '24h' }, goalMs: 50 },
        { what: 'by run id, 24 h', fields: { period: '24h', run_id: ids[0]!.run_id }, goalMs: 50 },
        { what: `by job name (${OUTBOX_JOB}), 24 h`, fields: { period: '24h', job_name: OUTBOX_JOB }, goalMs: 50 },
        { what: 'by request id, 24 h', fields: { period: '24h', request_id: ids[0]!.request_id }, goalMs: 50 },
        { what: `text search "${RARE_PHRASE}", 24 h`, fields: { period: '24h', text: RARE_PHRASE }, goalMs: 200 },
        { what: `page ${DEEP_PAGES + 1} of 24 h (keyset)`, fields: { period: '24h', older: deepCursor! }, goalMs: 50 },
      ];
      const lines: BenchLine[] = [];
      const size = `${options.rows.toLocaleString('en')} rows`;
      for (const { what, fields, goalMs } of cases) {
        const query = adminQuery(fields, now);
        const timings: number[] = [];
        let statements: Statement[] = [];
        let found = 0;
        for (let run = 0; run < WARM_UP + options.repeats; run++) {
          statements = [];
          const em = recording(sessions.open(), statements);
          const started = performance.now();
          const result = await queryLogs(em, query);
          if (run >= WARM_UP) timings.push(performance.now() - started);
          found = result.kind === 'rows' ? result.rows.length : 0;
        }
        if (found === 0) throw new Error(`P5 "${what}" found no rows: the generated table does not fit the query`);
        timings.sort((a, b) => a - b);
        const p95 = percentile(timings, 95);
        const plan = await planOf(sessions.open(), statements);
        const pass = !plan.seqScan && p95 <= goalMs;
        if (!pass) process.stderr.write(`\nP5 ${what}: p95 ${round(p95)} ms\n${await explainAnalyse(sessions.open(), statements)}\n`);
        lines.push({
          id: 'P5',
          what: `logs: ${what}, ${size}`,
          figure: round(p95),
          unit: 'ms',
          floor: plan.seqScan ? `Seq Scan (${plan.indexes.join(', ') || 'no index'})` : `index: ${plan.indexes.join(', ')}`,
          ratio: round(p95 / goalMs),
          goal: `p95 ≤ ${goalMs} ms, no Seq Scan`,
          pass,
          note:
            `p50 ${round(percentile(timings, 50))} ms over ${options.repeats} runs, ${found} rows a page; ratio: p95 ÷ goal; table filled in ${round(fillSeconds)} s` +
            (options.rows < options.fullRows ? `; --quick: ${size} instead of ${options.fullRows.toLocaleString('en')}` : ''),
        });
      }
      return lines;
    } finally {
      await orm.close();
      await client.end();
    }
  });
}
