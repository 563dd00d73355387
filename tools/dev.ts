/**
 * `npm run dev`: api, scheduler, admin and sandbox together, against DATABASE_URL or,
 * when it is unset, an embedded PostgreSQL kept in .data/postgres (EMBEDDED_PG_DIR). Migrations are applied
 * once here (under the advisory lock; each app re-checks on start). Each app runs under `tsx watch`,
 * which restarts it when its code or a lib it imports changes. (`nx serve <app>` does the same through
 * the Nx daemon's file watcher; four serve tasks started together raced to start that daemon and
 * stopped every app, seen in CI, so the dev runner does not depend on it.) Ctrl+C stops all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { defaultEmbeddedOptions, resolveDatabaseUrl, stopEmbeddedServers } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '@hub/migrations';

const APPS = ['sandbox', 'api', 'scheduler', 'admin'] as const;
const logger = createStdoutLogger('dev');
/** Longer than the api's own 30 s grace for runs in progress. */
const STOP_GRACE_MS = 40_000;

function prefixLines(app: string, stream: NodeJS.ReadableStream, out: NodeJS.WriteStream): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) out.write(`${app}: ${line}\n`);
  });
}

/**
 * A watcher may stop before the app it signalled: before the embedded server goes, wait
 * (bounded) until no other client is connected, i.e. the apps closed their pools.
 */
async function untilAppsDisconnect(databaseUrl: string, deadline: number): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const others = async (): Promise<number> =>
      Number(
        (await client.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()')).rows[0]
          ?.n,
      );
    while ((await others()) > 0 && Date.now() < deadline) await sleep(200);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const usingEmbedded = !process.env['DATABASE_URL']?.trim();
  const databaseUrl = await resolveDatabaseUrl();
  const { dataDir } = defaultEmbeddedOptions();
  logger.info({ embedded: usingEmbedded }, usingEmbedded ? `DATABASE_URL unset: using the embedded PostgreSQL in ${dataDir}` : 'Using DATABASE_URL');
  await migrateUp(databaseUrl, logger);

  // Neither set: `admin` gets a new password, printed once below (the admin sets it at start).
  const generatedAdmin =
    !process.env['ADMIN_USERNAME']?.trim() && !process.env['ADMIN_PASSWORD']?.trim() ?
      { username: 'admin', password: randomBytes(15).toString('base64url') }
    : null;
  const env = {
    ...process.env,
    ...(generatedAdmin ? { ADMIN_USERNAME: generatedAdmin.username, ADMIN_PASSWORD: generatedAdmin.password } : {}),
    DATABASE_URL: databaseUrl,
    ONEC_BASE_URL: process.env['ONEC_BASE_URL'] ?? 'http://127.0.0.1:8100',
    API_URL: process.env['API_URL'] ?? 'http://127.0.0.1:8000',
  };
  const watcherCli = require.resolve('tsx/cli');
  let stopping = false;
  const children: ChildProcess[] = APPS.map((app) => {
    const child = spawn(process.execPath, [watcherCli, 'watch', '--clear-screen=false', `apps/${app}/src/main.ts`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    prefixLines(app, child.stdout!, process.stdout);
    prefixLines(app, child.stderr!, process.stderr);
    child.on('exit', (code, signal) => {
      // A crashed app waits for the next change under its watcher; a watcher ending means it is not served.
      if (!stopping) logger.error({ app, code, signal }, `${app}'s watcher ended on its own (its lines above say why): stopping`);
      stop(stopping ? 0 : 1);
    });
    return child;
  });
  logger.info(
    'api http://127.0.0.1:8000 · admin http://127.0.0.1:8501 · sandbox http://127.0.0.1:8100 — an app restarts when its code changes; Ctrl+C stops everything',
  );
  // Development runs the api open unless API_TOKEN is set (README "API authentication"); never print the token itself.
  const apiAuthOn = Boolean(process.env['API_TOKEN']?.trim()) && process.env['API_AUTH']?.trim().toLowerCase() !== 'off';
  logger.info(
    { apiAuth: apiAuthOn ? 'token' : 'off' },
    apiAuthOn ?
      'api auth: on — writes (and reads unless API_AUTH_READS=off) need API_TOKEN, which the admin sends'
    : 'api auth: off — API_TOKEN is unset (or API_AUTH=off), so anyone on this machine can trigger runs and retries (set API_TOKEN to require it)',
  );
  // On the terminal only, never in a log line: the password of this start's `admin`.
  if (generatedAdmin) process.stdout.write(`admin sign-in for this start: ${generatedAdmin.username} / ${generatedAdmin.password}\n`);

  let exitCode = 0;
  let deadline = 0;
  function stop(code: number): void {
    exitCode ||= code;
    if (!stopping) {
      stopping = true;
      deadline = Date.now() + STOP_GRACE_MS;
      // Each watcher passes the interrupt to its app.
      for (const child of children) child.kill('SIGINT');
      setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), STOP_GRACE_MS).unref();
    }
    if (children.some((child) => child.exitCode === null && child.signalCode === null)) return;
    // The apps finish their work and close their pools first; then the embedded server goes.
    (usingEmbedded ? untilAppsDisconnect(databaseUrl, deadline) : Promise.resolve())
      .then(() => stopEmbeddedServers())
      .then(
        () => process.exit(exitCode),
        () => process.exit(1),
      );
  }
  process.on('SIGINT', () => stop(0));
  process.on('SIGTERM', () => stop(0));
}

main().catch(async (error: unknown) => {
  logger.error({ err: error }, `npm run dev failed: ${error instanceof Error ? error.message : String(error)}`);
  // process.exit runs no async exit hooks: an embedded server started above would outlive us.
  await stopEmbeddedServers().catch(() => undefined);
  process.exit(1);
});
