// Bundles one entry point with esbuild: our libs (resolved through tsconfig paths) go in,
// npm packages stay external and come from the image's production node_modules.
// Usage: node tools/build/build-app.mjs <api|scheduler|admin|admin-users|sandbox|migrate>
import { build } from 'esbuild';

const entries = {
  api: ['apps/api/src/main.ts', 'dist/apps/api/main.js'],
  scheduler: ['apps/scheduler/src/main.ts', 'dist/apps/scheduler/main.js'],
  admin: ['apps/admin/src/main.ts', 'dist/apps/admin/main.js'],
  'admin-users': ['apps/admin/src/users-cli.ts', 'dist/apps/admin/users.js'],
  sandbox: ['apps/sandbox/src/main.ts', 'dist/apps/sandbox/main.js'],
  migrate: ['libs/migrations/src/cli.ts', 'dist/migrate.js'],
};

const name = process.argv[2];
const entry = entries[name];
if (!entry) {
  console.error(`Unknown build "${name}". Choose one of: ${Object.keys(entries).join(', ')}.`);
  process.exit(2);
}
const [entryPoint, outfile] = entry;
await build({
  entryPoints: [entryPoint],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  keepNames: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
});
console.log(`built ${outfile}`);
