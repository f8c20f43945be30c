// Reading measured rounds: the best of each side, and the saved --variants results.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS } from '../config.mjs';

/** The available round with the most samples/s, or null. */
export const best = (runs) =>
  runs
    .filter((r) => r.available)
    .reduce((a, b) => (a === null || b.samplesPerSec > a.samplesPerSec ? b : a), null);

export function loadVariants() {
  const path = join(RESULTS, 'variants.json');
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/** Best samples/s of a variant relative to the bare loop, from variants.json. */
export function variantRatio(data, backend, variant) {
  const r = best(data.results.filter((x) => x.backend === backend && x.variant === variant));
  const base = best(data.results.filter((x) => x.backend === backend && x.variant === 'bare'));
  return r && base ? r.samplesPerSec / base.samplesPerSec : NaN;
}
