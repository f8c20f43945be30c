// End-to-end tests: the built app (dist/) served under a subpath, driven in Debian's Chromium.
// Usage: node e2e/run.mjs [name-filter]. Prints "N passed, N failed" and exits non-zero on failure.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { serveDist } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', 'dist');
export const ARTIFACTS = join(here, 'artifacts');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('e2e: dist/ is missing; run `npm run build` first.');
  process.exit(1);
}
mkdirSync(ARTIFACTS, { recursive: true });

const filter = process.argv[2] ?? '';
const files = readdirSync(join(here, 'tests'))
  .filter((f) => f.endsWith('.mjs') && f.includes(filter))
  .sort();
const server = await serveDist({ root: dist });
let passed = 0;
let failed = 0;
for (const file of files) {
  const module = await import(pathToFileURL(join(here, 'tests', file)).href);
  for (const [name, test] of Object.entries(module.tests)) {
    const started = Date.now();
    try {
      await test({ url: server.url, artifacts: ARTIFACTS });
      passed++;
      console.log(`  ✓ ${file} › ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      failed++;
      console.log(
        `  ✗ ${file} › ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n    ${error?.stack ?? error}`,
      );
    }
  }
}
await server.close();
console.log(`\ne2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
