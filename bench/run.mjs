// `npm run bench`: LayerLab's training throughput against a bare tfjs loop, per backend, in
// headless Chromium (WebGPU there is SwiftShader, a software adapter). See bench/README.md.
// Measuring lives in bench/measure, turning results into BENCHMARKS.md in bench/report.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './support/browser.mjs';
import { serveDist } from './support/server.mjs';
import {
  BACKENDS,
  BARE_DIST,
  DIST,
  GOAL_RATIO,
  GOAL_TORCH_RATIO,
  planFor,
  RESULTS,
} from './config.mjs';
import { log, started } from './log.mjs';
import { buildBare } from './measure/bare.mjs';
import { machine } from './measure/machine.mjs';
import { measureMainTable } from './measure/mainTable.mjs';
import { measureTorch } from './measure/torch.mjs';
import { measureVariants } from './measure/variants.mjs';
import { writeBenchmarks } from './report/benchmarks.mjs';
import { printMainTable, printVariants } from './report/console.mjs';

const USAGE = `Usage: node bench/run.mjs [--backends=webgpu,webgl,cpu] [--rounds=2] [--scale=1]
                        [--variants | --report]
  --rounds    alternating LayerLab/bare rounds per backend; the best of each side is reported
  --scale     multiplies the measured step counts (0.2 for a quick smoke run)
  --variants  instead of the main table, times the steps between the bare loop and LayerLab
              (see VARIANTS in bench/config.mjs) to attribute LayerLab's overhead; writes
              bench/results/variants.json, which the next full run summarises in BENCHMARKS.md
  --report    only rewrites BENCHMARKS.md from bench/results/latest.json and variants.json
  --help      prints this`;

const args = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const backends = (args.backends ?? BACKENDS.join(',')).split(',').filter(Boolean);
const scale = Number(args.scale ?? 1);
const rounds = Number(args.rounds ?? 2);
for (const b of backends) if (!BACKENDS.includes(b)) throw new Error(`unknown backend ${b}`);
if (!(scale > 0)) throw new Error('--scale must be a positive number');
if (!(rounds >= 1)) throw new Error('--rounds must be at least 1');

/** Rewrites BENCHMARKS.md from the saved results, measuring nothing. */
async function reportOnly() {
  const latest = join(RESULTS, 'latest.json');
  if (!existsSync(latest)) throw new Error('no bench/results/latest.json: run the bench first');
  await writeBenchmarks(JSON.parse(readFileSync(latest, 'utf8')));
  log('rewrote BENCHMARKS.md from bench/results/latest.json and variants.json');
}

async function variants(urls, info) {
  const results = await measureVariants(urls, backends, rounds, scale);
  const report = {
    date: new Date().toISOString(),
    machine: info,
    backends,
    rounds,
    plan: Object.fromEntries(backends.map((b) => [b, planFor(b, scale)])),
    results,
    totalSeconds: (Date.now() - started) / 1000,
  };
  writeFileSync(join(RESULTS, 'variants.json'), JSON.stringify(report, null, 2));
  printVariants(results, backends);
  log('wrote bench/results/variants.json');
}

async function mainTable(urls, info) {
  const rows = await measureMainTable(urls, backends, rounds, scale);
  log('PyTorch reference (CPU, one thread)');
  const torch = await measureTorch();
  log(
    torch.available
      ? `PyTorch: ${Math.round(torch.samplesPerSec)} samples/s`
      : `PyTorch: ${torch.detail}`,
  );
  const report = {
    date: new Date().toISOString(),
    command: 'npm run bench',
    goal: { ratio: GOAL_RATIO, longTasks: 0, torchRatio: GOAL_TORCH_RATIO },
    machine: info,
    rounds,
    rows,
    torch,
    totalSeconds: (Date.now() - started) / 1000,
  };
  writeFileSync(join(RESULTS, 'latest.json'), JSON.stringify(report, null, 2));
  await writeBenchmarks(report);
  printMainTable(rows, torch);
  log('wrote bench/results/latest.json and BENCHMARKS.md');
}

async function main() {
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (args.report) return reportOnly();
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error('bench: dist/ is missing; run `npm run build` first (or `npm run bench`).');
    process.exit(1);
  }
  mkdirSync(RESULTS, { recursive: true });
  log('building bench/bare');
  await buildBare();
  const app = await serveDist({ root: DIST });
  const bare = await serveDist({ root: BARE_DIST, base: '/bare/' });
  const urls = { app: app.url, bare: bare.url };
  const versionCheck = await launch({ webgpu: true });
  const chromium = versionCheck.version();
  await versionCheck.close();
  const info = machine(chromium);
  log(`${info.cpu} × ${info.cores}, Chromium ${chromium}, load average ${info.loadAverageAtStart}`);
  try {
    await (args.variants ? variants(urls, info) : mainTable(urls, info));
  } finally {
    await app.close();
    await bare.close();
  }
}

await main();
