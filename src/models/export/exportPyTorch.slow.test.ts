/**
 * The exported PyTorch programs, run for real with Debian's torch: for each design, the program
 * loads the weights a tfjs model saved, and must count the same parameters and predict the same
 * outputs (within 1e-4) as tfjs on the CPU backend. One Python process per design.
 */
import * as tf from '@tensorflow/tfjs';
import { zipSync } from 'fflate';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetInfo } from '../../data/datasets';
import { createRandom } from '../../data/random';
import { analyzeInEnglish } from '../testing/englishAnalysis';
import { buildModel } from '../builder';
import { DEFAULT_TRAINING } from '../trainingConfig';
import { makeSplit } from '../../workers/batches';
import { Trainer } from '../../workers/trainer';
import { exportPyTorch } from './exportPyTorch';
import { perturbWeights, saveTfjsModel } from './testing/artifacts';
import { EXPORT_CASES, type ExportCase } from './testing/designs';
import { builtinDataset } from '../../data/datasets';
import { PRESETS } from '../presets';
import { decodeNpy, encodeNpy } from './testing/npy';
import { pythonHas, runPython, TORCH_REQUIRED } from './testing/python';

const torch = pythonHas(['torch', 'numpy']);
if (!torch.ok && !TORCH_REQUIRED) {
  console.warn(
    `\n!!! SKIPPING the PyTorch export tests: ${torch.detail}. Install python3-torch (Debian) to run them; in CI (CI=true) this is a failure.\n`,
  );
}

/** Samples per prediction check. */
const SAMPLES = 4;

/**
 * Designs whose training step is compared with LayerLab's, covering each loss and four of the
 * optimizers (plain SGD is momentum without the momentum); no dropout, which is random.
 */
const PARITY_CASES: (ExportCase & { steps?: number })[] = [
  {
    id: 'xor-adam-mse',
    spec: PRESETS.find((p) => p.id === 'toy-231')?.spec ?? { version: 1, layers: [] },
    info: builtinDataset('xor'),
    training: { ...DEFAULT_TRAINING, loss: 'meanSquaredError', learningRate: 0.05, batchSize: 16 },
  },
  {
    id: 'table-rmsprop-bce-batchnorm',
    info: builtinDataset('breast-cancer'),
    training: {
      ...DEFAULT_TRAINING,
      optimizer: 'rmsprop',
      loss: 'binaryCrossentropy',
      learningRate: 0.01,
      batchSize: 16,
    },
    spec: {
      version: 1,
      layers: [
        { id: 'h', kind: 'dense', units: 8, activation: 'relu', l2: 0.01, l1: 0.001 },
        { id: 'bn', kind: 'batchnorm', momentum: 0.9, epsilon: 0.001 },
        { id: 'out', kind: 'dense', units: 1, activation: 'sigmoid' },
      ],
    },
  },
  {
    id: 'transformer-momentum',
    spec: PRESETS.find((p) => p.id === 'reverse-transformer')?.spec ?? { version: 1, layers: [] },
    info: builtinDataset('reverse'),
    training: { ...DEFAULT_TRAINING, optimizer: 'momentum', learningRate: 0.1, batchSize: 8 },
  },
  // Several steps on the one batch (one step an epoch): the schedule, clipping and AdamW's decay
  // must follow LayerLab's from step to step.
  {
    id: 'mlp-adamw-cosine-warmup-clipnorm',
    steps: 5,
    info: builtinDataset('xor'),
    training: {
      ...DEFAULT_TRAINING,
      optimizer: 'adamw',
      weightDecay: 0.05,
      learningRate: 0.05,
      batchSize: 16,
      epochs: 5,
      schedule: { ...DEFAULT_TRAINING.schedule, kind: 'cosine', floor: 0.1, warmupSteps: 2 },
      clipping: { kind: 'norm', threshold: 0.3 },
    },
    spec: {
      version: 1,
      layers: [
        { id: 'h', kind: 'dense', units: 8, activation: 'tanh' },
        { id: 'o', kind: 'dense', units: 2, activation: 'softmax' },
      ],
    },
  },
  {
    id: 'mlp-nesterov-exponential-clipvalue',
    steps: 4,
    info: builtinDataset('xor'),
    training: {
      ...DEFAULT_TRAINING,
      optimizer: 'momentum',
      momentum: 0.8,
      nesterov: true,
      learningRate: 0.2,
      batchSize: 16,
      epochs: 4,
      schedule: { ...DEFAULT_TRAINING.schedule, kind: 'exponential', gamma: 0.5 },
      clipping: { kind: 'value', threshold: 0.02 },
    },
    spec: {
      version: 1,
      layers: [
        { id: 'h', kind: 'dense', units: 8, activation: 'relu' },
        { id: 'o', kind: 'dense', units: 2, activation: 'softmax' },
      ],
    },
  },
  {
    id: 'gru-adagrad',
    info: builtinDataset('reverse'),
    training: { ...DEFAULT_TRAINING, optimizer: 'adagrad', learningRate: 0.1, batchSize: 8 },
    spec: {
      version: 1,
      layers: [
        { id: 'emb', kind: 'embedding', inputDim: 10, outputDim: 8 },
        { id: 'gru', kind: 'gru', units: 8, returnSequences: true, l2: 0.01 },
        { id: 'out', kind: 'dense', units: 10, activation: 'softmax' },
      ],
    },
  },
];

/** Seeded inputs in LayerLab's layout: token ids below the vocabulary, or values in [0, 1). */
function sampleInputs(info: DatasetInfo, count: number, seed: number): Float32Array {
  const random = createRandom(seed);
  const size = count * info.inputShape.reduce((a, b) => a * b, 1);
  const vocab = info.vocabSize ?? 2;
  return Float32Array.from({ length: size }, () =>
    info.inputIsTokens ? Math.floor(random() * vocab) : random(),
  );
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? 0) - (b[i] ?? NaN)));
  return max;
}

let root = '';

beforeAll(async () => {
  await tf.setBackend('cpu');
  root = mkdtempSync(join(tmpdir(), 'layerlab-torch-export-'));
});

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!torch.ok && !TORCH_REQUIRED)('exportPyTorch, run with torch', () => {
  it('finds torch and numpy in the system Python', () => {
    expect(torch.ok, torch.detail).toBe(true);
  });

  it.each(EXPORT_CASES.map((c) => [c.id, c] as const))(
    '%s: same parameter count and predictions as tfjs',
    async (id, c: ExportCase) => {
      const analysis = analyzeInEnglish(c.spec, c.info, c.training);
      expect(analysis.blockingReason).toBeNull();
      const work = mkdtempSync(join(root, `${id}-`));
      const model = buildModel(c.spec, c.info.inputShape, 7);
      try {
        perturbWeights(model, 11);
        await saveTfjsModel(model, work);
        const shape = [SAMPLES, ...c.info.inputShape];
        const x = sampleInputs(c.info, SAMPLES, 5);
        writeFileSync(join(work, 'in.npy'), encodeNpy(x, shape));
        writeFileSync(join(work, 'model.py'), exportPyTorch(c.spec, c.info, c.training));
        const expected = tf.tidy(() => model.predict(tf.tensor(x, shape)) as tf.Tensor);
        const want = (await expected.data()) as Float32Array;
        const wantShape = expected.shape;
        expected.dispose();

        const { stdout } = await runPython(
          [
            'model.py',
            '--count-params',
            '--weights',
            'model.json',
            '--predict',
            'in.npy',
            '--out',
            'out.npy',
          ],
          work,
        );
        const params = Number(/parameters: (\d+)/.exec(stdout)?.[1]);
        expect(params).toBe(analysis.totalParams);
        expect(params).toBe(model.countParams());
        expect(stdout).not.toContain('Not used'); // every saved weight found its place
        const got = decodeNpy(readFileSync(join(work, 'out.npy')));
        expect(got.shape).toEqual(wantShape);
        expect(maxAbsDiff(got.data, want)).toBeLessThan(1e-4);
      } finally {
        model.dispose();
      }
    },
  );

  // sequence-mix: class ids per time step and a validation set in the file (RMSProp, GRU,
  // attention dropout); image-mix: one class id per image, validation split off the training
  // arrays (Adagrad, BatchNormalization in training mode, L1/L2 penalties).
  it.each([
    ['sequence-mix', true],
    ['image-mix', false],
  ] as const)('%s trains for an epoch on a small .npz', async (id, withValidation) => {
    const c = EXPORT_CASES.find((candidate) => candidate.id === id);
    if (!c) throw new Error(`${id} case missing`);
    const work = mkdtempSync(join(root, `train-${id}-`));
    const random = createRandom(3);
    const labelsPerSample = c.info.task === 'sequence' ? (c.info.inputShape[0] ?? 1) : 1;
    const classes = c.info.classes.length;
    const labelShape = (n: number) => (labelsPerSample > 1 ? [n, labelsPerSample] : [n]);
    const split = (n: number) => ({
      x: encodeNpy(sampleInputs(c.info, n, Math.floor(random() * 1e6)), [n, ...c.info.inputShape]),
      // int32 class ids: the program one-hot encodes them, as LayerLab does.
      y: encodeNpy(
        Int32Array.from({ length: n * labelsPerSample }, () => Math.floor(random() * classes)),
        labelShape(n),
      ),
    });
    const train = split(64);
    const validation = split(16);
    const files: Record<string, Uint8Array> = { 'x_train.npy': train.x, 'y_train.npy': train.y };
    if (withValidation)
      Object.assign(files, { 'x_val.npy': validation.x, 'y_val.npy': validation.y });
    writeFileSync(join(work, 'data.npz'), zipSync(files, { level: 0 }));
    writeFileSync(join(work, 'model.py'), exportPyTorch(c.spec, c.info, c.training));
    const { stdout } = await runPython(
      ['model.py', '--train', 'data.npz', '--epochs', '1', '--save', 'trained.pt'],
      work,
    );
    expect(stdout).toMatch(
      /epoch 1\/1 {2}loss \d+\.\d{4} {2}val_loss \d+\.\d{4} {2}val_accuracy \d\.\d{4}/,
    );
    expect(existsSync(join(work, 'trained.pt'))).toBe(true);
  });

  /**
   * One training step on one full batch (so the shuffle order cannot matter), from the same
   * weights: LayerLab's Trainer on tfjs, and the exported program's loop. The predictions after
   * the step must agree: the loss, the L1/L2 penalties, the optimizer's update and
   * BatchNormalization's training mode and moving averages are the same formulas.
   */
  it.each(PARITY_CASES.map((c) => [c.id, c] as const))(
    '%s: training steps land on the same weights as LayerLab’s',
    async (id, c) => {
      const count = c.training.batchSize;
      const work = mkdtempSync(join(root, `step-${id}-`));
      const model = buildModel(c.spec, c.info.inputShape, 7);
      const random = createRandom(9);
      const labelsPerSample = c.info.task === 'sequence' ? (c.info.inputShape[0] ?? 1) : 1;
      const x = sampleInputs(c.info, count, 21);
      const y = Int32Array.from({ length: count * labelsPerSample }, () =>
        Math.floor(random() * c.info.classes.length),
      );
      const shape = [count, ...c.info.inputShape];
      const labelShape = labelsPerSample > 1 ? [count, labelsPerSample] : [count];
      const outputs = analyzeInEnglish(c.spec, c.info, c.training)
        .layers.at(-1)
        ?.outputShape?.at(-1);
      const split = makeSplit(
        { x, y, count },
        c.info.inputShape,
        outputs ?? 1,
        c.info.classes.length,
      );
      const trainer = new Trainer(model, c.training, split, null);
      try {
        perturbWeights(model, 11);
        await saveTfjsModel(model, work);
        const predict = async () => {
          const out = tf.tidy(() => model.predict(tf.tensor(x, shape)) as tf.Tensor);
          const data = (await out.data()) as Float32Array;
          out.dispose();
          return data;
        };
        const before = await predict();
        const steps = c.steps ?? 1;
        for (let i = 0; i < steps; i++) trainer.runStep();
        const after = await predict();
        expect(maxAbsDiff(before, after)).toBeGreaterThan(1e-3); // the step did move the model

        // The same samples as training and validation data: nothing is held out of the batch.
        const npy = { x: encodeNpy(x, shape), y: encodeNpy(y, labelShape) };
        writeFileSync(
          join(work, 'data.npz'),
          zipSync(
            { 'x_train.npy': npy.x, 'y_train.npy': npy.y, 'x_val.npy': npy.x, 'y_val.npy': npy.y },
            { level: 0 },
          ),
        );
        writeFileSync(join(work, 'in.npy'), npy.x);
        writeFileSync(join(work, 'model.py'), exportPyTorch(c.spec, c.info, c.training));
        await runPython(
          [
            'model.py',
            '--weights',
            'model.json',
            '--train',
            'data.npz',
            '--epochs',
            String(steps),
            '--predict',
            'in.npy',
            '--out',
            'out.npy',
          ],
          work,
        );
        const got = decodeNpy(readFileSync(join(work, 'out.npy')));
        expect(maxAbsDiff(got.data, after)).toBeLessThan(1e-4);
      } finally {
        trainer.dispose();
        model.dispose();
      }
    },
  );
});
