/**
 * A bench process whose peak RSS is a goal runs as the images run the apps: the workspace's
 * code bundled into one CommonJS file by esbuild (what the apps' `@nx/esbuild` build makes:
 * packages stay in node_modules), started by `node --enable-source-maps`. Started through tsx
 * instead, a process also holds tsx's loader, a thread with a V8 heap of its own: about 50 MB
 * of RSS that no deployed process has (measured on the run's process, README, issue 13).
 */
import { build as esbuild } from 'esbuild';
import { basename, join } from 'node:path';
import { REPO_ROOT } from '../../../libs/testing/src/app-process';

const BUNDLES = join(REPO_ROOT, 'tmp/bench/bundles');

/* One build per entry and bench run: the planner's part starts its process three times. */
const built = new Map<string, Promise<string[]>>();

/** Builds `entry` (a path from the repository's root) once; resolves with the node arguments that start it. */
export function bundledForNode(entry: string): Promise<string[]> {
  let bundle = built.get(entry);
  if (bundle === undefined) {
    bundle = build(entry);
    built.set(entry, bundle);
  }
  return bundle;
}

async function build(entry: string): Promise<string[]> {
  const outfile = join(BUNDLES, basename(entry).replace(/\.ts$/, '.cjs'));
  await esbuild({
    absWorkingDir: REPO_ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    sourcemap: true,
    tsconfig: 'tsconfig.base.json',
    logLevel: 'error',
  });
  return ['--enable-source-maps', outfile];
}
