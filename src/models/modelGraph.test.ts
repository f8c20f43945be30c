import { describe, expect, it } from 'vitest';
import { builtinDataset } from '../data/datasets';
import { analyzeModel } from './analyze';
import { modelGraph } from './modelGraph';
import { PRESETS } from './presets';
import type { LayerSpec, ModelSpec } from './spec';
import { DEFAULT_TRAINING } from './trainingConfig';

const MNIST = builtinDataset('mnist');

function graphOf(layers: LayerSpec[], open: string[] = [], dataset = MNIST) {
  const spec: ModelSpec = { version: 1, layers };
  const analysis = analyzeModel(spec, dataset, DEFAULT_TRAINING);
  return modelGraph(spec, analysis.layers, dataset.inputShape, new Set(open));
}

const flowOf = (g: ReturnType<typeof graphOf>) =>
  g.edges.filter((e) => !e.skip).map((e) => `${e.source}>${e.target}`);
const skipsOf = (g: ReturnType<typeof graphOf>) =>
  g.edges.filter((e) => e.skip).map((e) => `${e.source}>${e.target}`);

describe('modelGraph', () => {
  it('draws the seed CNN as the input and its seven layers in a chain, with Keras’s counts', () => {
    const cnn = PRESETS.find((p) => p.id === 'mnist-cnn')!;
    const g = graphOf(cnn.spec.layers);
    expect(g.nodes.map((n) => n.kind)).toEqual([
      'input',
      'conv2d',
      'maxpool2d',
      'conv2d',
      'maxpool2d',
      'flatten',
      'dense',
      'dense',
    ]);
    expect(flowOf(g)).toEqual(['input>l1', 'l1>l2', 'l2>l3', 'l3>l4', 'l4>l5', 'l5>l6', 'l6>l7']);
    expect(skipsOf(g)).toEqual([]);
    // Keras: conv 320, conv 18,496, dense 401,536 (3136·128 + 128), dense 1,290.
    expect(g.nodes.map((n) => n.params)).toEqual([0, 320, 0, 18496, 0, 0, 401536, 1290]);
    expect(g.nodes[5]!.shape).toEqual([3136]);
  });

  it('draws a merge’s `from` as a skip edge beside the flow', () => {
    const g = graphOf([
      { id: 'f', kind: 'flatten' },
      { id: 'd1', kind: 'dense', units: 32, activation: 'relu' },
      { id: 'd2', kind: 'dense', units: 32, activation: 'linear' },
      { id: 'sum', kind: 'add', from: 'd1' },
      { id: 'out', kind: 'dense', units: 10, activation: 'softmax' },
    ]);
    expect(flowOf(g)).toEqual(['input>f', 'f>d1', 'd1>d2', 'd2>sum', 'sum>out']);
    expect(skipsOf(g)).toEqual(['d1>sum']);
  });

  it('keeps a residual block one node while closed and draws its parts and skip when opened', () => {
    const layers: LayerSpec[] = [
      { id: 'f', kind: 'flatten' },
      { id: 'd', kind: 'dense', units: 32, activation: 'relu' },
      { id: 'res', kind: 'residualblock', variant: 'dense', width: 32, activation: 'relu' },
      { id: 'out', kind: 'dense', units: 10, activation: 'softmax' },
    ];
    const closed = graphOf(layers);
    expect(closed.nodes.find((n) => n.id === 'res')).toMatchObject({ open: false, params: 2112 });
    expect(flowOf(closed)).toEqual(['input>f', 'f>d', 'd>res', 'res>out']);

    const opened = graphOf(layers, ['res']);
    const parts = opened.nodes.filter((n) => n.parent === 'res');
    expect(parts.map((n) => n.id)).toEqual(['res_dense1', 'res_dense2', 'res_add', 'res_act']);
    expect(parts.map((n) => n.params)).toEqual([1056, 1056, 0, 0]);
    expect(parts.every((n) => n.layerId === 'res' && n.position === 3)).toBe(true);
    expect(skipsOf(opened)).toEqual(['d>res_add']);
    expect(flowOf(opened)).toEqual([
      'input>f',
      'f>d',
      'd>res_dense1',
      'res_dense1>res_dense2',
      'res_dense2>res_add',
      'res_add>res_act',
      'res_act>out',
    ]);
  });

  it('starts a merge’s skip at an opened block’s last part when it names the block', () => {
    const g = graphOf(
      [
        { id: 'f', kind: 'flatten' },
        { id: 'd', kind: 'dense', units: 16, activation: 'relu' },
        { id: 'res', kind: 'residualblock', variant: 'dense', width: 16, activation: 'relu' },
        { id: 'd2', kind: 'dense', units: 16, activation: 'relu' },
        { id: 'sum', kind: 'add', from: 'res' },
      ],
      ['res'],
    );
    expect(skipsOf(g)).toEqual(['d>res_add', 'res_act>sum']);
  });

  it('opens a transformer block into its two residual paths', () => {
    const transformer = PRESETS.find((p) => p.id === 'reverse-transformer')!;
    const block = transformer.spec.layers.find((l) => l.kind === 'transformerblock')!;
    const g = graphOf(transformer.spec.layers, [block.id], builtinDataset(transformer.dataset.id));
    const skips = skipsOf(g);
    expect(skips).toHaveLength(2);
    expect(skips[1]).toBe(`${block.id}_add1>${block.id}_add2`);
  });

  it('still shows what is known of every layer when one in the middle is invalid', () => {
    const g = graphOf([
      { id: 'bad', kind: 'maxpool2d', poolSize: 40, strides: 2, padding: 'valid' },
      { id: 'f', kind: 'flatten' },
      { id: 'd', kind: 'dense', units: 64, activation: 'relu' },
      { id: 'out', kind: 'dense', units: 10, activation: 'softmax' },
    ]);
    expect(g.nodes.find((n) => n.id === 'bad')!.problem).toBe(true);
    expect(g.nodes.find((n) => n.id === 'd')).toMatchObject({ shape: [64], params: null });
    expect(g.nodes.find((n) => n.id === 'out')).toMatchObject({ shape: [10], params: 650 });
    expect(flowOf(g)).toHaveLength(4);
  });
});
