import { describe, expect, it } from 'vitest';
import { createRandom } from '../../data/random';
import {
  converterFile,
  k2Conv,
  k2Dense,
  k2Input,
  k2Layer,
  keras2Mlp,
  keras2ResidualCnn,
  keras3Functional,
  keras3Sequential,
  linked,
} from './testing/fixtures';
import { englishText } from '../../shared/messages/englishText';
import { importKerasModel } from './index';

/** The failure in English: its message and each of its problems. */
function failure(json: unknown): { message: string; problems: string[] } {
  const result = importKerasModel(json);
  if (result.ok) throw new Error('expected the import to fail');
  const message = englishText(result.message);
  const problems = result.problems.map(englishText);
  expect(message.length).toBeGreaterThan(10);
  expect(problems.length).toBeGreaterThan(0);
  // Every key and value resolved: no key of its own, no object rendered as text.
  for (const text of [message, ...problems]) expect(text).not.toMatch(/modelImport\.|\[object/);
  return { message, problems };
}

function sequential(layers: unknown[]) {
  return converterFile({ class_name: 'Sequential', config: { name: 'sequential', layers } });
}

function functional(
  layers: unknown[],
  inputs: unknown = [['in', 0, 0]],
  outputs: unknown = [['out', 0, 0]],
) {
  return converterFile({
    class_name: 'Functional',
    config: { name: 'model', layers, input_layers: inputs, output_layers: outputs },
  });
}

describe('layers LayerLab cannot import', () => {
  it('names every one of them, with its class and the reason where the class does not say it', () => {
    const result = failure(
      sequential([
        k2Input('in', [null, 32, 32, 3]),
        k2Conv('conv2d', 8, 'relu', { kernel_size: [3, 5] }),
        k2Conv('conv2d_1', 8, 'relu', { dilation_rate: [2, 2] }),
        k2Layer('Conv2D', 'conv2d_2', {
          filters: 4,
          kernel_size: 3,
          data_format: 'channels_first',
        }),
        k2Layer('Reshape', 'reshape', { target_shape: [-1, 4] }),
        k2Layer('Conv1D', 'conv1d_3', { filters: 4, kernel_size: 3 }),
        k2Layer('Bidirectional', 'bidirectional', { layer: {}, merge_mode: 'concat' }),
        k2Layer('GRU', 'gru', { units: 4, go_backwards: true }),
        k2Layer('LSTM', 'lstm', { units: 4, return_state: true }),
        k2Dense('dense', 4, 'swish'),
        k2Layer('ReLU', 're_lu', { max_value: 6 }),
        k2Layer('LayerNormalization', 'layer_normalization', { axis: [1, 2] }),
        k2Layer('Lambda', 'lambda', { function: 'x' }),
        k2Dense('out', 2, 'softmax'),
      ]),
    );
    expect(result.problems).toEqual([
      '"conv2d" (Conv2D: its kernel 3×5 is not square (LayerLab\'s are))',
      '"conv2d_1" (Conv2D: its dilation [2,2] (LayerLab\'s is 1))',
      '"conv2d_2" (Conv2D: data_format "channels_first" (LayerLab uses channels_last))',
      '"reshape" (Reshape: its target shape has a -1 that cannot be worked out here)',
      '"conv1d_3" (Conv1D)',
      '"bidirectional" (Bidirectional)',
      '"gru" (GRU: it reads the sequence backwards; LayerLab\'s recurrent layers read forwards)',
      '"lstm" (LSTM: it also returns its state (a second output))',
      '"dense" (Dense: activation "swish" is not one of LayerLab\'s)',
      '"re_lu" (ReLU: it caps values at 6)',
      '"layer_normalization" (LayerNormalization: it normalises over other axes than the last one (LayerLab uses the last))',
      '"lambda" (Lambda: it runs Python code, which cannot be read)',
    ]);
    expect(result.message).toMatch(
      /^Unsupported layers: "conv2d" \(Conv2D: .*"conv1d_3" \(Conv1D\), "bidirectional" \(Bidirectional\),/,
    );
  });

  it("holds a layer to the designer's ranges: two billion units is refused, naming the setting", () => {
    const result = failure(
      sequential([
        k2Input('in', [null, 8]),
        k2Dense('huge', 2_000_000_000, 'relu'),
        k2Layer('Dropout', 'drop', { rate: 0.99 }),
        k2Dense('out', 2, 'softmax'),
      ]),
    );
    expect(result.problems).toEqual([
      '"huge" (Dense: Units must be between 1 and 4096 in LayerLab, not 2000000000.)',
      '"drop" (Dropout: Dropout rate must be between 0 and 0.95 in LayerLab, not 0.99.)',
    ]);
  });

  it('a merge of a non-last axis and a nested model are named too', () => {
    const result = failure(
      functional([
        linked(k2Input('in', [null, 4, 4])),
        linked(k2Dense('d', 4, 'relu'), 'in'),
        linked(k2Layer('Concatenate', 'cat', { axis: 1 }), 'd', 'in'),
        linked({ class_name: 'Sequential', config: { name: 'inner', layers: [] } }, 'cat'),
        linked(k2Dense('out', 2, 'softmax'), 'inner'),
      ]),
    );
    expect(result.problems).toEqual([
      '"cat" (Concatenate: it joins along another axis than the last (LayerLab joins the last))',
      '"inner" (Sequential: a model inside the model)',
    ]);
  });
});

describe('graphs that are not one chain', () => {
  const input = linked(k2Input('in', [null, 4]));
  const cases: [string, unknown, RegExp][] = [
    [
      'two inputs',
      functional(
        [input, linked(k2Input('in2', [null, 4])), linked(k2Layer('Add', 'out'), 'in', 'in2')],
        [
          ['in', 0, 0],
          ['in2', 0, 0],
        ],
      ),
      /2 inputs \("in", "in2"\); a LayerLab design has one input/,
    ],
    [
      'two outputs',
      functional(
        [input, linked(k2Dense('out', 2, 'relu'), 'in'), linked(k2Dense('b', 2, 'relu'), 'in')],
        [['in', 0, 0]],
        [
          ['out', 0, 0],
          ['b', 0, 0],
        ],
      ),
      /2 outputs/,
    ],
    [
      'parallel branches',
      functional([
        input,
        linked(k2Dense('a', 4, 'relu'), 'in'),
        linked(k2Dense('b', 4, 'relu'), 'in'),
        linked(k2Layer('Add', 'out'), 'a', 'b'),
      ]),
      /joins two parallel branches \("a" and "b"\)/,
    ],
    [
      'a side branch that goes nowhere',
      functional([
        input,
        linked(k2Dense('out', 4, 'relu'), 'in'),
        linked(k2Dense('side', 4, 'relu'), 'in'),
      ]),
      /"side" is not on the way from the input to the output/,
    ],
    [
      'a shared layer',
      functional([
        input,
        {
          ...linked(k2Dense('a', 4, 'relu')),
          inbound_nodes: [[['in', 0, 0, {}]], [['in', 0, 0, {}]]],
        },
        linked(k2Dense('out', 4, 'relu'), 'a'),
      ]),
      /"a" \(Dense\) is used 2 times/,
    ],
    [
      'an unknown inbound name',
      functional([input, linked(k2Dense('out', 4, 'relu'), 'ghost')]),
      /takes its input from "ghost", which is not in the model/,
    ],
    [
      'a cycle',
      functional([
        input,
        linked(k2Dense('a', 4, 'relu'), 'out'),
        linked(k2Dense('out', 4, 'relu'), 'a'),
      ]),
      /cycle \("out" → "a" → "out"\)/,
    ],
    [
      'a merge of three',
      functional([
        input,
        linked(k2Dense('a', 4, 'relu'), 'in'),
        linked(k2Dense('b', 4, 'relu'), 'a'),
        linked(k2Layer('Add', 'out'), 'b', 'a', 'in'),
      ]),
      /takes 3 inputs/,
    ],
    [
      'a second output of a layer',
      functional([
        input,
        linked(k2Dense('a', 4, 'relu'), 'in'),
        { ...linked(k2Dense('out', 4, 'relu')), inbound_nodes: [[['a', 0, 1, {}]]] },
      ]),
      /takes output 2 of "a"/,
    ],
    [
      'two layers with one name',
      functional([
        input,
        linked(k2Dense('out', 4, 'relu'), 'in'),
        linked(k2Dense('out', 4, 'relu'), 'in'),
      ]),
      /Two layers are both named "out"/,
    ],
  ];
  it.each(cases)('%s', (_label, json, message) => {
    expect(failure(json).message).toMatch(message);
  });
});

describe('malformed files: a message, never an exception', () => {
  const cases: [string, unknown, RegExp][] = [
    ['null', null, /holds null/],
    ['a number', 42, /holds a number/],
    ['an array', [], /holds an array/],
    ['text that is not JSON', 'hello', /text that is not JSON/],
    ['an empty object', {}, /neither/],
    ['a graph model', { format: 'graph-model', modelTopology: { node: [] } }, /graph model/],
    [
      'modelTopology that is a string',
      { modelTopology: 'x' },
      /"modelTopology" should be an object/,
    ],
    ['no config', { modelTopology: { class_name: 'Sequential' } }, /has no "config"/],
    ['no class_name', { modelTopology: { config: { layers: [] } } }, /has no "class_name"/],
    [
      'not a model class',
      { class_name: 'Dense', config: { units: 3 } },
      /describes a "Dense", not a model/,
    ],
    ['no layers list', { class_name: 'Sequential', config: { name: 's' } }, /no "layers" list/],
    [
      'a layer that is not an object',
      sequential([k2Input('in', [null, 4]), 7, k2Dense('d', 2, 'relu')]),
      /Layer 2 of the model's layer list should be an object, but it is a number/,
    ],
    [
      'a layer without class_name',
      sequential([k2Input('in', [null, 4]), { config: { name: 'd' } }]),
      /Layer 2 \("d"\) has no "class_name"/,
    ],
    [
      'a layer whose config is a list',
      sequential([k2Input('in', [null, 4]), { class_name: 'Dense', config: [] }]),
      /"config" of layer 2 \(Dense\) should be an object/,
    ],
    [
      'a Dense without units',
      sequential([k2Input('in', [null, 4]), k2Layer('Dense', 'd', {})]),
      /"d" \(Dense: it has no "units"\)/,
    ],
    [
      'no input shape anywhere',
      sequential([k2Dense('d', 2, 'relu')]),
      /does not say what shape its input has/,
    ],
    ['only an input', sequential([k2Input('in', [null, 4])]), /no layers after its input/],
    [
      'inbound_nodes that is not a list',
      functional([
        linked(k2Input('in', [null, 4])),
        { ...linked(k2Dense('out', 2, 'relu')), inbound_nodes: 'in' },
      ]),
      /"inbound_nodes" that is a string/,
    ],
    [
      'an inbound link that is not a link',
      functional([
        linked(k2Input('in', [null, 4])),
        { ...linked(k2Dense('out', 2, 'relu')), inbound_nodes: [[['in', 'zero']]] },
      ]),
      /not a list of links/,
    ],
    [
      'no input_layers',
      functional([linked(k2Input('in', [null, 4]))], null, [['in', 0, 0]]),
      /no "input_layers"/,
    ],
    [
      'a functional layer without a name',
      functional([
        linked(k2Input('in', [null, 4])),
        { class_name: 'Dense', config: { units: 2 }, inbound_nodes: [[['in', 0, 0, {}]]] },
      ]),
      /Layer 2 \(Dense\) has no "name"/,
    ],
  ];
  it.each(cases)('%s', (_label, json, message) => {
    expect(failure(json).message).toMatch(message);
  });

  it('a broken weights manifest costs only the weights, with a note', () => {
    const json = { ...keras2Mlp, weightsManifest: [{ paths: [] }] };
    const result = importKerasModel(json);
    if (!result.ok) throw new Error(englishText(result.message));
    expect(result.weights).toBeNull();
    const [note] = result.notes;
    expect(note && englishText(note)).toMatch(
      /weights manifest is broken \(group 1 has no "weights" list\)/,
    );
  });

  it('survives random damage to valid files', () => {
    const random = createRandom(11);
    const junk = [null, 0, -1, 1.5, '', 'x', [], {}, [null], true, { class_name: 7 }];
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    /** Replaces or deletes one value somewhere inside `value`. */
    const damage = (value: unknown): unknown => {
      if (Array.isArray(value) && value.length > 0) {
        const copy = [...value];
        const i = Math.floor(random() * copy.length);
        copy[i] = random() < 0.3 ? pick(junk) : damage(copy[i]);
        return copy;
      }
      if (typeof value === 'object' && value !== null) {
        const entries = Object.entries(value);
        if (entries.length === 0) return pick(junk);
        const [key, inner] = pick(entries);
        const copy: Record<string, unknown> = { ...value };
        const roll = random();
        if (roll < 0.2) delete copy[key];
        else copy[key] = roll < 0.4 ? pick(junk) : damage(inner);
        return copy;
      }
      return pick(junk);
    };
    const files = [keras2Mlp, keras2ResidualCnn, keras3Sequential, keras3Functional];
    let failures = 0;
    for (let i = 0; i < 2000; i++) {
      let json: unknown = pick(files);
      const times = 1 + Math.floor(random() * 3);
      for (let t = 0; t < times; t++) json = damage(json);
      const result = importKerasModel(json);
      if (!result.ok) {
        failures += 1;
        // Never the catch-all: every problem is a known one, in words.
        expect(result.message.key).not.toBe('modelImport.unreadable');
        expect(englishText(result.message)).not.toMatch(
          /could not be read \(|modelImport\.|\[object/,
        );
      }
    }
    expect(failures).toBeGreaterThan(100);
  });
});
