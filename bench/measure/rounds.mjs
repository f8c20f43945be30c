// One measurement of a variant on a backend, LayerLab's or the bare loop's, taken after waiting for
// a quiet machine and repeated (within limits) when other processes were busy meanwhile.
import { join } from 'node:path';
import { planFor, RESULTS } from '../config.mjs';
import { waitForQuiet } from '../cpu.mjs';
import { log, started } from '../log.mjs';
import { fmt } from '../report/format.mjs';
import { measureBare } from './bare.mjs';
import { measureLayerLab } from './layerlab.mjs';

/** Other processes busier than this (cores) during a measurement make it worth repeating. */
const CONTAMINATED_CORES = 0.35;
/** ...but only while the whole run is younger than this, and at most this often per run. */
const limits = { retryUntilMs: 4 * 60_000, retriesLeft: 2, quietBudgetMs: 60_000 };

/** `--variants`: not bound to the main run's time budget: wait and repeat more for cleaner numbers. */
export function allowLongerWaits() {
  limits.retriesLeft = 30;
  limits.retryUntilMs = Infinity;
  limits.quietBudgetMs = 600_000;
}

/** One measurement of a variant, after waiting for the rest of the machine to be quiet. */
export async function measure(urls, backend, variant, round, scale) {
  const first = await measureOnce(urls, backend, variant, round, scale);
  if (
    !first.available ||
    !(first.cpu?.otherCores > CONTAMINATED_CORES) ||
    Date.now() - started > limits.retryUntilMs ||
    limits.retriesLeft <= 0
  )
    return first;
  limits.retriesLeft -= 1;
  log(`${backend} ${variant} #${round}: other processes were busy; measuring again`);
  const second = await measureOnce(urls, backend, variant, round, scale);
  return second.available && second.samplesPerSec > first.samplesPerSec
    ? { ...second, discarded: [first] }
    : { ...first, discarded: [second] };
}

/** Waiting for a quiet machine is capped per measurement (and for the whole run: `limits`). */
async function measureOnce(urls, backend, variant, round, scale) {
  const quiet = await waitForQuiet({ maxMs: Math.min(15_000, limits.quietBudgetMs) });
  limits.quietBudgetMs = Math.max(0, limits.quietBudgetMs - quiet.waitedSeconds * 1000);
  const plan = planFor(backend, scale);
  const result = variant.startsWith('layerlab')
    ? await measureLayerLab(urls.app, backend, plan, {
        hideCharts: variant === 'layerlab-nocharts' || variant === 'layerlab-noval',
        validation: variant !== 'layerlab-noval',
        screenshot:
          variant === 'layerlab' && round === 1 ? join(RESULTS, `layerlab-${backend}.png`) : null,
      })
    : await measureBare(urls.bare, backend, plan, variant);
  const other = result.cpu ? `, other processes ${result.cpu.otherCores} cores` : '';
  log(
    result.available
      ? `${backend} ${variant} #${round}: ${fmt(result.samplesPerSec)} samples/s` +
          (variant.startsWith('layerlab') ? `, ${result.longTasks} long tasks` : '') +
          other +
          (quiet.waitedSeconds > 1.5 ? ` (waited ${quiet.waitedSeconds} s for quiet)` : '') +
          describeFrames(result.longFrames) +
          describeTrace(result.traced)
      : `${backend} ${variant} #${round}: unavailable (${result.detail})`,
  );
  return { ...result, variant, round, quietBefore: quiet };
}

/** "; traced 10 s: 3 long tasks, 0 long on CPU (longest 12 ms CPU)". */
function describeTrace(traced) {
  if (!traced) return '';
  return `; traced ${traced.seconds} s: ${traced.longTasks} long tasks, ${traced.cpuLongTasks} of them long on CPU time (longest ${traced.longestCpuMs} ms CPU)`;
}

/** "; long frames: render 120 ms, scripts: …" when Chromium explained the long tasks. */
function describeFrames(frames) {
  if (!frames || frames.count === 0) return '';
  const scripts = frames.topScripts.length > 0 ? `, scripts: ${frames.topScripts.join('; ')}` : '';
  return `; ${frames.count} long frames: render ${frames.renderMs} ms (style and layout ${frames.layoutMs} ms)${scripts}`;
}
