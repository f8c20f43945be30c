// `node bench/firstEpoch.mjs`: from opening LayerLab to the end of the spiral preset's first epoch
// (issue 17: ≤ 3 s). A fresh browser profile opens the page (no cache, no remembered backend),
// Train is pressed as soon as it appears, and the page itself stamps, relative to navigation
// start, when Train appeared, when training began (the backend chosen) and when the first epoch
// ended. Then the same profile reloads and does it again: a returning visit, with cached files
// and the backend decision remembered. Writes bench/results/first-epoch.json and a section of
// BENCHMARKS.md. Run after `npm run build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, recordErrors } from './support/browser.mjs';
import { serveDist } from './support/server.mjs';
import { writeSection } from './support/section.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(root, 'bench', 'results');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GOAL_SECONDS = 3;
const log = (m) => console.log(`[first-epoch] ${m}`);

/** In the page before its scripts: stamps the moments the bench times, in ms since navigation. */
function stampMoments() {
  window.__moments = {};
  window.__phases = [];
  const stamp = (name) => {
    if (window.__moments[name] === undefined) window.__moments[name] = performance.now();
  };
  new MutationObserver(() => {
    const train = document.querySelector('[data-testid="train-button"]');
    if (train) stamp('trainShown');
    // Pressed the moment it can be, from inside the page: Playwright's own click first waits for
    // the page to settle, which a student's click does not.
    if (train && !train.disabled && window.__moments.clicked === undefined) {
      stamp('clicked');
      train.click();
    }
    const phase = document.querySelector('[data-testid="phase"]')?.getAttribute('data-phase');
    // What the page said it was doing meanwhile (loading data, timing a backend), and when.
    const said = document.querySelector('[data-testid="phase"]')?.textContent ?? '';
    if (said && window.__phases.at(-1)?.[1] !== said)
      window.__phases.push([performance.now(), said]);
    if (phase === 'training') stamp('training');
    const done = document
      .querySelector('[data-testid="run-stats"]')
      ?.getAttribute('data-epochs-done');
    if (Number(done) >= 1) stamp('firstEpoch');
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/** One visit: open (or reload); the page presses Train at once; wait for the first epoch's end. */
async function visit(page, reload) {
  if (reload) await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => window.__moments.firstEpoch !== undefined, null, {
    timeout: 120_000,
    polling: 50,
  });
  const moments = await page.evaluate(() => window.__moments);
  const phases = await page.evaluate(() =>
    window.__phases.map(([at, said]) => `${(at / 1000).toFixed(2)} s ${said}`),
  );
  const backend = await page
    .getByTestId('backend-name')
    .textContent()
    .catch(() => null);
  const reason = await page
    .getByTestId('backend-reason')
    .textContent()
    .catch(() => null);
  await page
    .getByTestId('stop-button')
    .click()
    .catch(() => undefined);
  const s = (ms) => (ms === undefined ? null : Math.round(ms) / 1000);
  return {
    trainShown: s(moments.trainShown),
    clicked: s(moments.clicked),
    training: s(moments.training),
    firstEpoch: s(moments.firstEpoch),
    backend: backend?.trim() ?? null,
    reason: reason?.trim() ?? null,
    phases,
  };
}

async function round(url) {
  const browser = await launch({ webgpu: true });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    await context.addInitScript(stampMoments);
    const page = await context.newPage();
    const errors = recordErrors(page);
    // Not waiting for the load event: a student presses Train as soon as they see it.
    await page.goto(url, { waitUntil: 'commit' });
    const first = await visit(page, false);
    const again = await visit(page, true);
    return { first, again, errors };
  } finally {
    await browser.close();
  }
}

mkdirSync(RESULTS, { recursive: true });
const server = await serveDist({ root: join(root, 'dist') });
const rounds = [];
try {
  for (let i = 1; i <= ROUNDS; i++) {
    const r = await round(server.url);
    rounds.push(r);
    log(
      `#${i} first visit: Train ${r.first.trainShown} s, training ${r.first.training} s, epoch 1 ${r.first.firstEpoch} s on ${r.first.backend}; ` +
        `returning: epoch 1 ${r.again.firstEpoch} s on ${r.again.backend}`,
    );
  }
} finally {
  await server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = {
  rounds: rounds.length,
  first: median(rounds.map((r) => r.first.firstEpoch)),
  again: median(rounds.map((r) => r.again.firstEpoch)),
  goalSeconds: GOAL_SECONDS,
};
writeFileSync(join(RESULTS, 'first-epoch.json'), JSON.stringify({ summary, rounds }, null, 2));
/** "2.79 (2.70–3.27)": the median and the range of a moment over the rounds. */
const spread = (xs) => `${median(xs)} (${Math.min(...xs)}–${Math.max(...xs)})`;
const row = (name, pick) =>
  `| ${name} | ${median(rounds.map((r) => pick(r).trainShown))} | ${median(rounds.map((r) => pick(r).clicked))} | ${median(rounds.map((r) => pick(r).training))} | ${spread(rounds.map((r) => pick(r).firstEpoch))} | ${[...new Set(rounds.map((r) => pick(r).backend))].join(', ')} |`;
await writeSection(
  'first-epoch',
  [
    '## From opening the page to the end of the spiral’s first epoch',
    '',
    `\`node bench/firstEpoch.mjs\` (after \`npm run build\`): a fresh headless Chromium profile opens LayerLab on its default spiral preset, presses Train as soon as it shows (backend "auto"), and the page stamps each moment in seconds since navigation; then the same profile reloads and does it again. Median of ${rounds.length} rounds (the first epoch's range in brackets); goal ≤ ${GOAL_SECONDS} s. Which of WASM and the CPU wins the quick start's 120 ms timing varies from round to round: for the spiral they are close.`,
    '',
    '| visit | Train shown (s) | Train pressed (s) | training began (s) | first epoch ended (s) | backends |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    row('first (nothing cached)', (r) => r.first),
    row('returning (files cached, backend remembered)', (r) => r.again),
    '',
    `Why the first visit's backend: ${rounds[0].first.reason ?? 'not shown'}`,
  ],
  'bench/firstEpoch.mjs',
);
log(
  `median: first visit ${summary.first} s, returning ${summary.again} s (goal ≤ ${GOAL_SECONDS} s)`,
);
