// Builds the gradient harness page (e2e/harness) into e2e/artifacts/harness with Vite.
import { build } from 'vite';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const HARNESS_DIST = join(here, '..', 'artifacts', 'harness');

export async function buildHarness() {
  await build({
    configFile: false,
    root: here,
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: HARNESS_DIST, emptyOutDir: true, target: 'es2022', minify: false },
  });
  return HARNESS_DIST;
}
