/**
 * Where a saved Keras model keeps its input shape depends on the Keras version and on how the
 * model was made, so this looks in each place in turn: the InputLayer (batch_input_shape in
 * Keras 2 / tfjs, batch_shape in Keras 3), the first layer's own config (Sequential models given
 * input_shape=…), the Sequential model's build_input_shape, Keras 3's build_config, and last the
 * old input_dim / input_length arguments.
 */
import { message, type Message } from '../../shared/messages/message';
import type { KerasChain } from './graph';
import { field, isObject, numberField, shapeValue, type JsonObject } from './json';

/** Shapes that include the batch dimension first. */
const BATCHED_KEYS = ['batch_input_shape', 'batch_shape'] as const;

function batched(config: JsonObject | null | undefined, key: string): (number | null)[] | null {
  if (!config) return null;
  const shape = shapeValue(field(config, key));
  return shape && shape.length >= 2 ? shape.slice(1) : null;
}

function fromConfig(config: JsonObject | undefined): (number | null)[] | null {
  if (!config) return null;
  for (const key of BATCHED_KEYS) {
    const shape = batched(config, key);
    if (shape) return shape;
  }
  const unbatched = shapeValue(field(config, 'input_shape'));
  return unbatched && unbatched.length >= 1 ? unbatched : null;
}

/**
 * The input shape without the batch dimension (null = a size left open), or a message saying
 * why it cannot be found.
 */
export function findInputShape(
  chain: KerasChain,
  modelConfig: JsonObject | unknown[],
): (number | null)[] | Message {
  const first = chain.links[0]?.layer;
  const candidates = [
    fromConfig(chain.input?.config),
    fromConfig(first?.config),
    isObject(modelConfig) ? batched(modelConfig, 'build_input_shape') : null,
    batched(first?.buildConfig, 'input_shape'),
    legacyShape(first?.className, first?.config),
  ];
  const shape = candidates.find((c) => c !== null);
  if (!shape) {
    return message('modelImport.noInputShape');
  }
  if (shape.some((d) => d === 0)) {
    return message('modelImport.zeroInputSize', {
      shape: `[${shape.map((d) => d ?? 'None').join(', ')}]`,
    });
  }
  return shape;
}

/** Keras 1/2 shorthands: Dense(input_dim=4), Embedding(input_length=20). */
function legacyShape(className: string | undefined, config: JsonObject | undefined) {
  if (!config) return null;
  const inputDim = numberField(config, 'input_dim');
  if (className === 'Dense' && inputDim !== undefined) return [inputDim];
  if (className === 'Embedding') {
    const length = numberField(config, 'input_length');
    return [length ?? null];
  }
  return null;
}
