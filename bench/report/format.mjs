// Number and name formatting shared by the bench's tables and log lines.

export function fmt(n, digits = 0) {
  return Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '—';
}
export const LABEL = {
  webgpu: 'WebGPU (SwiftShader)',
  webgl: 'WebGL (SwiftShader)',
  wasm: 'WASM (SIMD)',
  cpu: 'CPU',
};
export const list = (items) => items.join(', ');

/** LayerLab's fastest row against PyTorch's samples/s, or null when either is missing. */
export function torchComparison(rows, torch) {
  if (!torch?.available) return null;
  const best = rows
    .filter((r) => r.layerlab)
    .reduce((a, r) => (a && a.layerlab.samplesPerSec >= r.layerlab.samplesPerSec ? a : r), null);
  if (!best) return null;
  return { best, ratio: best.layerlab.samplesPerSec / torch.samplesPerSec };
}

/** Columns of the CPU-time tables: CPU ms per step, in all and by part of Chromium. */
export const CPU_HEADER =
  'CPU ms/step: all | training worker | page main thread | other renderer threads | GPU process | rest';
export function cpuCells(r) {
  const c = r?.cpuMsPerStep;
  if (!c) return '— | — | — | — | — | —';
  return [c.total, c.worker, c.pageMain, c.rendererOther, c.gpuProcess, c.rest]
    .map((x) => fmt(x, 1))
    .join(' | ');
}
