import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

describe('npm run bench:outbox (the README command, on a small scratch outbox)', () => {
  it('drains every event with two replica processes and reports no duplicate and nothing lost', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'bench:outbox', '--', '--events', '600', '--batch', '50'], {
      cwd: REPO_ROOT,
      env: { ...process.env, BENCH_DATABASE_URL: inject('testServerUrl') },
    });

    const figures = JSON.parse(stdout.slice(stdout.indexOf('outbox throughput: ') + 'outbox throughput: '.length)) as Record<string, unknown>;
    expect(figures).toMatchObject({ events: 600, replicas: 2, duplicates: 0, lost: 0 });
    const perReplica = Object.values(figures['perReplica'] as Record<string, { delivered: number }>);
    expect(perReplica.reduce((sum, replica) => sum + replica.delivered, 0)).toBe(600);
  });
});
