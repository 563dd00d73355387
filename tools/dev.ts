/**
 * `npm run dev`: api, scheduler, admin and sandbox together, against DATABASE_URL or,
 * when it is unset, an embedded PostgreSQL kept in .data/postgres (EMBEDDED_PG_DIR). Migrations are applied
 * once here (under the advisory lock; each app re-checks on start). Ctrl+C stops all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { defaultEmbeddedOptions, resolveDatabaseUrl, stopEmbeddedServers } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { migrateUp } from '@hub/migrations';

const APPS = ['sandbox', 'api', 'scheduler', 'admin'] as const;
const logger = createStdoutLogger('dev');

function prefixLines(app: string, stream: NodeJS.ReadableStream, out: NodeJS.WriteStream): void {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) out.write(`[${app}] ${line}\n`);
  });
}

async function main(): Promise<void> {
  const usingEmbedded = !process.env['DATABASE_URL']?.trim();
  const databaseUrl = await resolveDatabaseUrl();
  const { dataDir } = defaultEmbeddedOptions();
  logger.info({ embedded: usingEmbedded }, usingEmbedded ? `DATABASE_URL unset: using the embedded PostgreSQL in ${dataDir}` : 'Using DATABASE_URL');
  await migrateUp(databaseUrl, logger);

  // Neither set: `admin` gets a new password, printed once below (the admin sets it at start).
  const generatedAdmin = !process.env['ADMIN_USERNAME']?.trim() && !process.env['ADMIN_PASSWORD']?.trim()
    ? { username: 'admin', password: randomBytes(15).toString('base64url') }
    : null;
  const env = {
    ...process.env,
    ...(generatedAdmin ? { ADMIN_USERNAME: generatedAdmin.username, ADMIN_PASSWORD: generatedAdmin.password } : {}),
    DATABASE_URL: databaseUrl,
    ONEC_BASE_URL: process.env['ONEC_BASE_URL'] ?? 'http://127.0.0.1:8100',
    API_URL: process.env['API_URL'] ?? 'http://127.0.0.1:8000',
  };
  let stopping = false;
  const children: ChildProcess[] = APPS.map((app) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `apps/${app}/src/main.ts`], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    prefixLines(app, child.stdout!, process.stdout);
    prefixLines(app, child.stderr!, process.stderr);
    child.on('exit', (code, signal) => {
      logger.info({ app, code, signal }, `${app} exited`);
      // One app down (a port in use, a bad setting) would otherwise leave a half-working stack running.
      if (!stopping) {
        logger.error({ app, code, signal }, `${app} stopped on its own (its lines above say why): stopping the others`);
        stop(1);
      }
    });
    return child;
  });
  logger.info('api http://127.0.0.1:8000 · admin http://127.0.0.1:8501 · sandbox http://127.0.0.1:8100 — Ctrl+C stops everything');
  // On the terminal only, never in a log line: the password of this start's `admin`.
  if (generatedAdmin) process.stdout.write(`admin sign-in for this start: ${generatedAdmin.username} / ${generatedAdmin.password}\n`);

  const exited = (child: ChildProcess): Promise<unknown> =>
    new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
  function stop(code: number): void {
    if (stopping) return;
    stopping = true;
    for (const child of children) child.kill('SIGTERM');
    // Longer than the api's own 30 s grace for runs in progress; an app still up after that is killed,
    // so the embedded server below is always stopped rather than left behind by process.exit.
    const force = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), 40_000);
    // The apps finish their work and close their pools first; then the embedded server goes.
    Promise.all(children.map(exited))
      .then(() => {
        clearTimeout(force);
        return stopEmbeddedServers();
      })
      .then(
        () => process.exit(code),
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
