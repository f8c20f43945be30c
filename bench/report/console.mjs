// The summary a run prints when it is done.
import { VARIANTS } from '../config.mjs';
import { fmt, torchComparison } from './format.mjs';
import { best } from './results.mjs';

/** Each variant's best samples/s, and as a share of the bare loop's. */
export function printVariants(results, backends) {
  for (const backend of backends) {
    const base = best(results.filter((r) => r.backend === backend && r.variant === 'bare'));
    for (const [variant] of VARIANTS) {
      const r = best(results.filter((x) => x.backend === backend && x.variant === variant));
      console.log(
        `${backend.padEnd(7)} ${variant.padEnd(18)} ${fmt(r?.samplesPerSec).padStart(6)} samples/s ${fmt(((r?.samplesPerSec ?? NaN) / (base?.samplesPerSec ?? NaN)) * 100).padStart(4)} %`,
      );
    }
  }
}

/** The main table, one line per backend. */
export function printMainTable(rows, torch) {
  console.log('\nbackend | LayerLab samples/s | bare samples/s | ratio | long tasks > 50 ms');
  for (const r of rows) {
    console.log(
      `${r.backend} | ${fmt(r.layerlab?.samplesPerSec)} | ${fmt(r.bare?.samplesPerSec)} | ${fmt(r.ratio, 2)} | ${r.layerlab ? `${r.longTasks} in ${fmt(r.windowSeconds)} s` : '—'}`,
    );
  }
  const vs = torchComparison(rows, torch);
  console.log(
    vs
      ? `PyTorch (CPU, 1 thread) | ${fmt(torch.samplesPerSec)} | LayerLab's best (${vs.best.backend}) is ${fmt(vs.ratio, 2)}×`
      : `PyTorch: ${torch?.detail ?? 'not measured'}`,
  );
}
