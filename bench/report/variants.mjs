// The "Overhead breakdown" section of BENCHMARKS.md, from bench/results/variants.json.
import { VARIANTS } from '../config.mjs';
import { cpuCells, CPU_HEADER, fmt, LABEL, list } from './format.mjs';
import { best, loadVariants } from './results.mjs';

/** "rounds of the bare loop: WebGPU 1, WebGL 3" (variants.json may merge several calls). */
function roundsByBackend(data) {
  const counts = data.backends.map(
    (b) =>
      `${LABEL[b]} ${data.results.filter((r) => r.backend === b && r.variant === 'bare').length}`,
  );
  return `rounds of the bare loop: ${list(counts)}${data.mergedFrom ? `; ${data.mergedFrom.length} runs merged` : ''}`;
}

export function variantsSection() {
  const data = loadVariants();
  if (!data) return [];
  const out = [
    '## Overhead breakdown',
    '',
    `From \`node bench/run.mjs --variants\`, ${data.date.slice(0, 10)} (${data.machine.cpu}, ` +
      `${data.machine.cores} cores; ${roundsByBackend(data)}). Samples/s, relative to ` +
      'the bare loop on the same backend (best rounds of each; the `rounds` column says how many), ' +
      'and the CPU time each training step cost in that round. Each variant differs from the next ' +
      'in one respect:',
    '',
    ...VARIANTS.map(([name, what]) => `- \`${name}\`: ${what}.`),
    '',
    `| backend | variant | rounds | samples/s | vs bare | ${CPU_HEADER} |`,
    `| --- | --- | ---: | ---: | ---: | ${CPU_HEADER.split('|')
      .map(() => '---:')
      .join(' | ')} |`,
  ];
  for (const backend of data.backends) {
    const base = best(data.results.filter((x) => x.backend === backend && x.variant === 'bare'));
    for (const [variant] of VARIANTS) {
      const runs = data.results.filter((x) => x.backend === backend && x.variant === variant);
      const r = best(runs);
      if (!r) continue;
      const rel = base ? `${fmt((r.samplesPerSec / base.samplesPerSec) * 100)} %` : '—';
      out.push(
        `| ${LABEL[backend]} | \`${variant}\` | ${runs.length} | ${fmt(r.samplesPerSec)} | ${rel} | ${cpuCells(r)} |`,
      );
    }
  }
  return [...out, ''];
}
