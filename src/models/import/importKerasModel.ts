/**
 * importKerasModel: a Keras or TensorFlow.js model.json (already parsed) → a LayerLab design.
 * Pure: no tfjs, no DOM, so it runs in the worker or on the page. Never throws: every problem
 * comes back as a ModelImportError whose message says what is wrong and where.
 *
 *   model file → Keras description (modelFile) → one chain of layers (graph)
 *   → input shape (inputShape) → LayerLab layers (convertChain) → weight names (weightNames)
 */
import { joinMessages, message, type Message } from '../../shared/messages/message';
import { MODEL_SPEC_VERSION } from '../spec';
import { convertChain } from './convertChain';
import { readFunctional, readSequential } from './graph';
import { findInputShape } from './inputShape';
import { readModelFile } from './modelFile';
import { layerInputs } from './shapes';
import { importError, listOf, type KerasImportResult, type WeightMapping } from './types';
import { matchWeights } from './weightNames';

/** The most layers a saved LayerLab design may hold (src/shared/schemas.ts). */
export const MAX_IMPORTED_LAYERS = 200;

export function importKerasModel(json: unknown): KerasImportResult {
  try {
    return importModel(json);
  } catch (error) {
    // Every known problem is returned, not thrown; this only guards against a case missed.
    const detail = error instanceof Error ? error.message : String(error);
    return importError(message('modelImport.unreadable', { detail }));
  }
}

function importModel(json: unknown): KerasImportResult {
  const file = readModelFile(json);
  if ('ok' in file) return file;

  const className = file.className;
  const read =
    className === 'Sequential'
      ? readSequential(file.config)
      : className === 'Model' || className === 'Functional'
        ? readFunctional(file.config)
        : null;
  if (read === null) {
    return importError(message('modelImport.notAModelClass', { className }));
  }
  if (!read.ok) {
    // A failed read has at least one problem, so the joined message is never null.
    return importError(joinMessages(read.problems) as Message, read.problems);
  }
  const { chain } = read;

  const inputShape = findInputShape(chain, file.config);
  if (!Array.isArray(inputShape)) return importError(inputShape);

  const converted = convertChain(chain, inputShape);
  const refused = listOf(converted.refusals, 'modelImport.refusalList');
  if (refused) {
    return importError(
      message('modelImport.unsupportedLayers', {
        count: converted.refusals.length,
        layers: refused,
      }),
      converted.refusals,
    );
  }
  const { layers } = converted;
  if (layers.length === 0) return importError(message('modelImport.noLayers'));
  if (layers.length > MAX_IMPORTED_LAYERS) {
    return importError(
      message('modelImport.tooManyLayers', { layers: layers.length, max: MAX_IMPORTED_LAYERS }),
    );
  }
  const inputIsTokens = layers[0]?.kind === 'embedding';
  const notes = [...file.notes, ...converted.notes];

  let weights: WeightMapping[] | null = null;
  if (file.manifest) {
    const inputs = layerInputs(layers, inputShape, inputIsTokens);
    const match = matchWeights(
      file.manifest,
      layers.map((layer, i) => ({
        layer,
        kerasName: converted.kerasNames[i] ?? null,
        input: inputs[i] ?? null,
      })),
    );
    weights = match.weights;
    const unloadable = weights.filter((w) => w.problem !== null).length;
    if (unloadable > 0) {
      notes.push(message('modelImport.unloadableWeights', { unloadable, total: weights.length }));
    }
    if (match.missing.length > 0) {
      notes.push(
        message('modelImport.missingWeights', {
          count: match.missing.length,
          names: match.missing.join(', '),
        }),
      );
    }
  }

  return {
    ok: true,
    spec: { version: MODEL_SPEC_VERSION, layers },
    inputShape: [...inputShape],
    inputIsTokens,
    notes,
    weights,
  };
}
