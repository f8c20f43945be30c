/**
 * The exported Keras programs (TensorFlow is not installed here): every program must parse as
 * Python, and the layers it creates (kerasLayerList) must be the tfjs model's layers one to one:
 * names, classes and parameter counts, with every saved weight assigned to a layer. Also checks
 * that designs which cannot be exported fail with a message naming the layer, in both exporters.
 */
import * as tf from '@tensorflow/tfjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinDataset } from '../../data/datasets';
import { analyzeModel } from '../analyze';
import { buildModelQuickly } from '../testing/quickBuild';
import { PRESETS } from '../presets';
import type { ModelSpec } from '../spec';
import { SCHEDULES } from '../schedules';
import { CLIPPING_KINDS, DEFAULT_TRAINING, OPTIMIZERS } from '../trainingConfig';
import { exportKeras, kerasLayerList } from './exportKeras';
import { exportPyTorch } from './exportPyTorch';
import { ExportError } from './python';
import { EXPORT_CASES, type ExportCase } from './testing/designs';
import { pythonHas, runPython, TORCH_REQUIRED } from './testing/python';

const python = pythonHas([]);
if (!python.ok && !TORCH_REQUIRED) {
  console.warn(`\n!!! SKIPPING the Python syntax check of exported programs: ${python.detail}.\n`);
}

/** Every optimizer, schedule (with and without warm-up) and clipping, on the first design. */
const OPTION_CASES: ExportCase[] = OPTIMIZERS.map((optimizer, i) => ({
  ...EXPORT_CASES[0]!,
  id: `options-${optimizer}`,
  training: {
    ...DEFAULT_TRAINING,
    optimizer,
    nesterov: i % 2 === 0,
    schedule: {
      ...DEFAULT_TRAINING.schedule,
      kind: SCHEDULES[i % SCHEDULES.length]!,
      warmupSteps: i % 2 === 0 ? 0 : 10,
    },
    clipping: { kind: CLIPPING_KINDS[i % CLIPPING_KINDS.length]!, threshold: 0.5 },
  },
}));

const cases: ExportCase[] = [
  ...EXPORT_CASES,
  ...OPTION_CASES,
  ...PRESETS.filter((p) => !EXPORT_CASES.some((c) => c.id === p.id)).map((p) => ({
    id: p.id,
    spec: p.spec,
    info: builtinDataset(p.dataset.id),
    training: p.training,
  })),
];

/** The weight names TFJS_WEIGHTS assigns, read back from the program text. */
function assignedWeights(code: string): string[] {
  const table = /TFJS_WEIGHTS = \{([\s\S]*?)\n\}/.exec(code)?.[1] ?? '';
  return [...table.matchAll(/\[([^\]]*)\]/g)].flatMap((m) =>
    [...(m[1] ?? '').matchAll(/'([^']+)'/g)].map((n) => n[1] ?? ''),
  );
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('kerasLayerList', () => {
  it('adds up to LayerLab’s parameter count for every design, entry by entry', () => {
    for (const c of cases) {
      const list = kerasLayerList(c.spec, c.info);
      const analysis = analyzeModel(c.spec, c.info, c.training);
      c.spec.layers.forEach((entry, i) => {
        const params = list.filter((l) => l.entryId === entry.id).reduce((s, l) => s + l.params, 0);
        expect(params, `${c.id} ${entry.id}`).toBe(analysis.layers[i]?.params);
      });
    }
  });

  it.each(cases.map((c) => [c.id, c] as const))(
    '%s: the tfjs model’s layers, classes and parameter counts',
    (_id, c) => {
      const list = kerasLayerList(c.spec, c.info);
      const model = buildModelQuickly(c.spec, c.info.inputShape, 1);
      try {
        const layers = model.layers
          .slice(1)
          .map((l) => ({ name: l.name, className: l.getClassName(), params: l.countParams() }));
        expect(list.map(({ name, className, params }) => ({ name, className, params }))).toEqual(
          layers,
        );
        const total = list.reduce((sum, l) => sum + l.params, 0);
        expect(total).toBe(analyzeModel(c.spec, c.info, c.training).totalParams);
        expect(total).toBe(model.countParams());

        const code = exportKeras(c.spec, c.info, c.training);
        for (const layer of list) {
          expect(code).toContain(`name='${layer.name}'`);
          if (layer.className === 'LeakyReLU') {
            expect(code).toContain('layers.LeakyReLU(');
          } else if (layer.className.startsWith('LayerLab')) {
            expect(code).toContain(`class ${layer.className}(layers.Layer)`);
            expect(code).toContain(`x = ${layer.className}(`);
          } else {
            expect(code).toContain(`x = layers.${layer.className}(`);
          }
        }
        const saved = model.weights.map((w) => w.originalName).sort();
        expect(assignedWeights(code).sort()).toEqual(saved);
      } finally {
        model.dispose();
      }
    },
  );
});

describe.skipIf(!python.ok && !TORCH_REQUIRED)('exported programs are valid Python', () => {
  let root = '';
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'layerlab-export-syntax-'));
  });
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('every Keras and PyTorch program parses (python -m ast, one process for all)', async () => {
    const files = cases.flatMap((c) => {
      const keras = join(root, `${c.id}_keras.py`);
      const torch = join(root, `${c.id}_torch.py`);
      writeFileSync(keras, exportKeras(c.spec, c.info, c.training));
      writeFileSync(torch, exportPyTorch(c.spec, c.info, c.training));
      return [keras, torch];
    });
    const check =
      'import ast, sys\nfor path in sys.argv[1:]:\n    ast.parse(open(path, encoding="utf-8").read(), path)\nprint("parsed", len(sys.argv) - 1)';
    const { stdout } = await runPython(['-c', check, ...files], root);
    expect(stdout.trim()).toBe(`parsed ${files.length}`);
    // Where pyflakes is installed (Debian: python3-pyflakes), also no undefined or unused names:
    // the Keras programs cannot be run here, so this is their closest check.
    if (pythonHas(['pyflakes']).ok) {
      const lint = await runPython(['-m', 'pyflakes', ...files], root);
      expect(lint.stdout).toBe('');
    }
  });
});

describe('designs that cannot be exported', () => {
  const spiral = builtinDataset('spiral');
  const broken: ModelSpec = {
    version: 1,
    layers: [
      { id: 'h', kind: 'dense', units: 8, activation: 'relu' },
      {
        id: 'img',
        kind: 'conv2d',
        filters: 2,
        kernelSize: 3,
        strides: 1,
        padding: 'same',
        activation: 'relu',
      },
      { id: 'out', kind: 'dense', units: 2, activation: 'softmax' },
    ],
  };
  const wrongOutput: ModelSpec = {
    version: 1,
    layers: [{ id: 'out', kind: 'dense', units: 3, activation: 'softmax' }],
  };

  it.each([
    ['PyTorch', exportPyTorch],
    ['Keras', exportKeras],
  ] as const)('%s: an error naming the layer, not broken code', (_name, exporter) => {
    expect(() => exporter(broken, spiral, DEFAULT_TRAINING)).toThrow(ExportError);
    expect(() => exporter(broken, spiral, DEFAULT_TRAINING)).toThrow(/Layer 2 \(Conv2D\)/);
    expect(() => exporter(wrongOutput, spiral, DEFAULT_TRAINING)).toThrow(/output has shape \[3\]/);
    expect(() => exporter({ version: 1, layers: [] }, spiral, DEFAULT_TRAINING)).toThrow(
      ExportError,
    );
  });

  it('kerasLayerList names the layer too', () => {
    expect(() => kerasLayerList(broken, spiral)).toThrow(/Layer 2 \(Conv2D\)/);
  });
});
