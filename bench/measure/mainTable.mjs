// The main table's measurements: alternating LayerLab and bare rounds on each backend, summed up
// per backend (best round of each side, long tasks over all LayerLab windows).
import { planFor } from '../config.mjs';
import { best } from '../report/results.mjs';
import { measure } from './rounds.mjs';

/** One backend's rounds, stopping at the first side that cannot run there. */
async function measureBackend(urls, backend, rounds, scale) {
  const runs = { layerlab: [], bare: [] };
  let unavailable = null;
  for (let round = 1; round <= rounds && !unavailable; round++) {
    const a = await measure(urls, backend, 'layerlab', round, scale);
    runs.layerlab.push(a);
    if (!a.available) {
      unavailable = a.detail;
      break;
    }
    const b = await measure(urls, backend, 'bare', round, scale);
    runs.bare.push(b);
    if (!b.available) unavailable = b.detail;
  }
  const layerlab = best(runs.layerlab);
  const bareBest = best(runs.bare);
  const measuredRuns = runs.layerlab.filter((r) => r.available);
  return {
    backend,
    plan: planFor(backend, scale),
    unavailable,
    layerlab,
    bare: bareBest,
    ratio: layerlab && bareBest ? layerlab.samplesPerSec / bareBest.samplesPerSec : NaN,
    longTasks: measuredRuns.reduce((sum, r) => sum + r.longTasks, 0),
    longestTaskMs: Math.max(0, ...measuredRuns.map((r) => r.longestTaskMs)),
    windowSeconds: measuredRuns.reduce((sum, r) => sum + r.seconds, 0),
    // From the traced seconds after each window: long tasks, and those long on CPU time alone.
    traced: measuredRuns.some((r) => r.traced)
      ? {
          seconds: measuredRuns.reduce((sum, r) => sum + (r.traced?.seconds ?? 0), 0),
          longTasks: measuredRuns.reduce((sum, r) => sum + (r.traced?.longTasks ?? 0), 0),
          cpuLongTasks: measuredRuns.reduce((sum, r) => sum + (r.traced?.cpuLongTasks ?? 0), 0),
          longestCpuMs: Math.max(0, ...measuredRuns.map((r) => r.traced?.longestCpuMs ?? 0)),
        }
      : null,
    runs,
  };
}

/** The main table's rows, one per backend. */
export async function measureMainTable(urls, backends, rounds, scale) {
  const rows = [];
  for (const backend of backends) rows.push(await measureBackend(urls, backend, rounds, scale));
  return rows;
}
