// `--variants`: every step between LayerLab as shipped and the bare loop (config.mjs's VARIANTS),
// measured in turn, round after round, on each backend.
import { VARIANTS } from '../config.mjs';
import { allowLongerWaits, measure } from './rounds.mjs';

export async function measureVariants(urls, backends, rounds, scale) {
  allowLongerWaits();
  const results = [];
  for (const backend of backends) {
    for (let round = 1; round <= rounds; round++) {
      for (const [variant] of VARIANTS) {
        results.push(await measure(urls, backend, variant, round, scale));
      }
    }
  }
  return results;
}
