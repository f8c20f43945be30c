/**
 * The analysis speaks Chinese when the page does: every problem and warning it can make is a
 * keyed Message whose Chinese text has no English sentence left in it and no unfilled variable.
 */
import { describe, expect, it } from 'vitest';
import { builtinInfo, manifestEntry, type DatasetInfo } from '../data/datasets';
import { englishText } from '../shared/messages/englishText';
import { chineseText } from '../shared/messages/testing/chineseText';
import { analyzeModel } from './analyze';
import { MODEL_SPEC_VERSION, type LayerSpec } from './spec';
import { DEFAULT_DATASET, DEFAULT_TRAINING } from './trainingConfig';

const inChinese = chineseText;

const IMAGES: DatasetInfo = {
  id: 'mnist',
  name: 'MNIST',
  kind: 'images',
  task: 'classification',
  inputShape: [28, 28, 1],
  classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  inputIsTokens: false,
} as unknown as DatasetInfo;

/** Designs that break one rule each (a layer rule, a block, a merge, the output, a setting). */
const BROKEN: LayerSpec[][] = [
  [{ id: 'd', kind: 'dense', units: 10, activation: 'softmax' }],
  [
    {
      id: 'c',
      kind: 'conv2d',
      filters: 0,
      kernelSize: 3,
      strides: 1,
      padding: 'same',
      activation: 'relu',
    },
  ],
  [
    { id: 'f', kind: 'flatten' },
    { id: 'r', kind: 'residualblock', variant: 'dense', width: 784, activation: 'relu' },
    { id: 'l', kind: 'lstm', units: 4, returnSequences: false },
  ],
  [
    { id: 'f', kind: 'flatten' },
    { id: 'd', kind: 'dense', units: 8, activation: 'relu' },
    { id: 'a', kind: 'add', from: 'input' },
  ],
  // A block whose width is not its input's: the problem names the block.
  [
    { id: 'f', kind: 'flatten' },
    { id: 'r', kind: 'residualblock', variant: 'dense', width: 16, activation: 'relu' },
  ],
  [
    { id: 'f', kind: 'flatten' },
    { id: 'd', kind: 'dense', units: 5, activation: 'relu' },
  ],
  [],
];

/** Words from the English sentences that must not survive translation. */
const ENGLISH = /\b(must|needs?|layer|input|the|but|Use|Set|Add a|[Bb]lock)\b/;

describe('analysis messages in Chinese', () => {
  it.each(BROKEN.map((layers, i) => [i, layers] as const))('design %i', (_i, layers) => {
    const a = analyzeModel(
      { version: MODEL_SPEC_VERSION, layers },
      IMAGES,
      { ...DEFAULT_TRAINING, learningRate: -1 },
      {
        ...DEFAULT_DATASET,
        noise: 9,
      },
    );
    const messages = [
      ...a.layers.flatMap((l) => (l.problem ? [l.problem] : [])),
      ...a.modelProblems,
      ...a.warnings,
      ...Object.values(a.settingProblems),
    ];
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      const text = inChinese(m);
      expect(text, m.key).toMatch(/[\u4e00-\u9fff]/);
      expect(text, m.key).not.toMatch(/{{|messages\./);
      expect(text, text).not.toMatch(ENGLISH);
    }
  });

  it("names a built-in dataset in the reader's language", () => {
    const spiral = builtinInfo(manifestEntry('spiral')!);
    const a = analyzeModel(
      {
        version: MODEL_SPEC_VERSION,
        layers: [{ id: 'd', kind: 'dense', units: 3, activation: 'softmax' }],
      },
      spiral,
      DEFAULT_TRAINING,
      DEFAULT_DATASET,
    );
    const [problem] = a.modelProblems;
    expect(problem && inChinese(problem)).toContain('螺旋');
    expect(problem && inChinese(problem)).not.toContain('Spiral');
    expect(problem && englishText(problem)).toContain('Spiral');
  });
});
