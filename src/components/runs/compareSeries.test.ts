import { describe, expect, it } from 'vitest';
import type { RunCurves, RunSummary } from '../../shared/runs/runTypes';
import { compareSeries, csvField, curvesCsv } from './compareSeries';

const run = (id: string, stepsPerEpoch = 10) =>
  ({ id, name: id, number: 1, colour: 0, stepsPerEpoch }) as RunSummary;
const record = (step: number, loss: number) => ({
  step,
  epoch: 0,
  batches: 1,
  loss,
  accuracy: 0.5,
  samplesPerSec: 1,
  learningRate: 0.1,
  tensors: 0,
  gpuBytes: 0,
  timeMs: step * 100,
});
const curves = new Map<string, RunCurves>([
  [
    'a',
    {
      train: [record(5, 1), record(10, 0.5)],
      validation: [{ step: 10, epoch: 1, loss: 0.7, accuracy: 0.6, timeMs: 1000 }],
    },
  ],
  ['b', { train: [record(5, 2)], validation: [] }],
]);
const labels = {
  name: (r: RunSummary) => r.name,
  training: 'train',
  validation: 'val',
  colour: () => '#000',
};

describe('compareSeries', () => {
  it('gives each run a training and (when it has one) a validation series, dashed', () => {
    const series = compareSeries([run('a'), run('b')], curves, 'loss', 'step', labels);
    // A run's curves form one group, smoothed in one x unit.
    expect(series.map((s) => [s.key, s.dashed, s.group])).toEqual([
      ['a/train', false, 'a'],
      ['a/validation', true, 'a'],
      ['b/train', false, 'b'],
    ]);
    expect(series[0]!.points).toEqual([
      { x: 5, y: 1 },
      { x: 10, y: 0.5 },
    ]);
  });

  it('puts records on the epoch or wall-time axis', () => {
    const [byEpoch] = compareSeries([run('a')], curves, 'loss', 'epoch', labels);
    expect(byEpoch!.points.map((p) => p.x)).toEqual([0.5, 1]);
    const [byTime] = compareSeries([run('a')], curves, 'accuracy', 'time', labels);
    expect(byTime!.points).toEqual([
      { x: 0.5, y: 0.5 },
      { x: 1, y: 0.5 },
    ]);
  });

  it('writes every record as CSV, each line with the run id and number (names may repeat)', () => {
    const text = curvesCsv([run('a')], curves, (r) => `run "${r.name}"`);
    // A byte-order mark first: Excel reads the file as UTF-8, so Chinese names stay readable.
    expect(text.startsWith('\uFEFF')).toBe(true);
    const csv = text.slice(1).trim().split('\n');
    expect(csv[0]).toBe('run_id,run_number,run,split,step,epoch,time_s,loss,accuracy');
    expect(csv[1]).toBe('a,1,"run ""a""",train,5,0,0.5,1,0.5');
    expect(csv).toHaveLength(4);
  });

  it('keeps names a spreadsheet would run as formulas as text, and quotes line breaks', () => {
    expect(csvField('+dropout')).toBe("'+dropout");
    expect(csvField('-lr 0.1')).toBe("'-lr 0.1");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField('第 3 次训练')).toBe('第 3 次训练');
    // Numbers stay numbers, negative ones included.
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(null)).toBe('');
  });
});
