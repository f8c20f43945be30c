// Builds the gradient harness page (e2e/harness) into e2e/artifacts/harness with Vite.
import { join } from 'node:path';
import { build } from 'vite';

const HERE = import.meta.dirname;
const HARNESS_DIST = join(HERE, '..', 'artifacts', 'harness');

/** Builds the harness and returns the folder holding its index.html. */
export async function buildHarness(): Promise<string> {
  await build({
    configFile: false,
    root: HERE,
    base: './',
    logLevel: 'warn',
    worker: { format: 'es' },
    build: { outDir: HARNESS_DIST, emptyOutDir: true, target: 'es2022', minify: false },
  });
  return HARNESS_DIST;
}
