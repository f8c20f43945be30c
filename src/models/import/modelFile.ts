/**
 * Finds the Keras model description inside the ways it gets saved:
 *  - tfjs `model.save()` / a tfjs-layers model.json: { modelTopology: { class_name, config }, weightsManifest }
 *  - the TensorFlow.js converter's Keras output: { modelTopology: { model_config: { class_name, config } } }
 *  - the in-memory ModelArtifacts of tf.io.withSaveHandler: { modelTopology, weightSpecs }
 *  - a bare Keras `model.to_json()`: { class_name, config } (also when still a JSON string)
 */
import { describeValue, isObject, type JsonObject } from './json';
import { importError, type ModelImportError } from './types';

/** A weight as the manifest lists it; its bytes live in the .bin files, which are not read here. */
export interface ManifestWeight {
  name: string;
  shape: number[];
}

export interface ModelFile {
  className: string;
  /** Sequential: { layers } (or, in old Keras, the layer list itself); functional: { layers, input_layers, output_layers }. */
  config: JsonObject | unknown[];
  /** Null when the file has no weights manifest (or a broken one, explained in notes). */
  manifest: ManifestWeight[] | null;
  notes: string[];
}

const NOT_A_MODEL =
  'This is not a Keras or TensorFlow.js model: a TensorFlow.js model.json has "modelTopology", a Keras model.to_json() has "class_name" and "config", and this file has neither.';

export function readModelFile(json: unknown): ModelFile | ModelImportError {
  let value = json;
  if (typeof value === 'string') {
    // Keras's model.to_json() returns a string; saved with json.dump it arrives encoded twice.
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return importError(
        'The file holds a piece of text that is not JSON, not a model description.',
      );
    }
  }
  if (!isObject(value)) {
    return importError(
      `A model file is a JSON object, but this one holds ${describeValue(value)}.`,
    );
  }
  const format = value['format'];
  if (format === 'graph-model') {
    return importError(
      'This is a TensorFlow.js graph model (converted from a SavedModel or a frozen graph), which keeps operations, not layers. Only layers models (from Keras or tfjs model.save) can be imported.',
    );
  }
  if (format !== undefined && format !== 'layers-model') {
    return importError(
      `The file's format is ${JSON.stringify(format)}; only "layers-model" (Keras or tfjs layers) can be imported.`,
    );
  }

  let topology: unknown;
  let where: string;
  if ('modelTopology' in value) {
    const outer = value['modelTopology'];
    if (!isObject(outer)) {
      return importError(`"modelTopology" should be an object, but it is ${describeValue(outer)}.`);
    }
    if ('node' in outer) {
      return importError(
        'This is a TensorFlow.js graph model (its topology lists graph nodes, not layers). Only layers models can be imported.',
      );
    }
    // The converter nests the Keras description one level deeper, beside keras_version.
    const nested = 'model_config' in outer;
    topology = nested ? parseIfText(outer['model_config']) : outer;
    where = nested ? 'modelTopology.model_config' : 'modelTopology';
  } else if ('model_config' in value) {
    topology = parseIfText(value['model_config']);
    where = 'model_config';
  } else if ('class_name' in value || 'config' in value) {
    topology = value;
    where = 'the file';
  } else {
    return importError(NOT_A_MODEL);
  }

  if (!isObject(topology)) {
    return importError(`${where} should be an object, but it is ${describeValue(topology)}.`);
  }
  const className = topology['class_name'];
  if (typeof className !== 'string') {
    return importError(
      `${capitalise(where)} has no "class_name" saying what kind of model it is ("Sequential", "Model" or "Functional").`,
    );
  }
  const config = topology['config'];
  if (!isObject(config) && !Array.isArray(config)) {
    return importError(
      config === undefined
        ? `${capitalise(where)} has no "config", which lists the model's layers.`
        : `The "config" of ${where} should be an object listing the layers, but it is ${describeValue(config)}.`,
    );
  }

  const notes: string[] = [];
  const manifest = readManifest(value, notes);
  return { className, config, manifest, notes };
}

/** Keras's HDF5 files keep model_config as JSON text; a copy of those attributes may too. */
function parseIfText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The weights manifest's entries in file order; a broken manifest costs only the weights. */
function readManifest(file: JsonObject, notes: string[]): ManifestWeight[] | null {
  let entries: unknown[];
  if (Array.isArray(file['weightsManifest'])) {
    entries = [];
    for (const [i, group] of file['weightsManifest'].entries()) {
      const weights = isObject(group) ? group['weights'] : undefined;
      if (!Array.isArray(weights)) {
        notes.push(
          `The weights manifest is broken (group ${i + 1} has no "weights" list), so the saved weights are not matched to the design.`,
        );
        return null;
      }
      entries.push(...(weights as unknown[]));
    }
  } else if (Array.isArray(file['weightSpecs'])) {
    entries = file['weightSpecs'];
  } else {
    return null;
  }
  const manifest: ManifestWeight[] = [];
  for (const [i, entry] of entries.entries()) {
    const name = isObject(entry) ? entry['name'] : undefined;
    const shape = isObject(entry) ? entry['shape'] : undefined;
    const validShape =
      Array.isArray(shape) && shape.every((d) => typeof d === 'number' && Number.isInteger(d));
    if (typeof name !== 'string' || !validShape) {
      notes.push(
        `The weights manifest is broken (weight ${i + 1} lacks a name or a shape), so the saved weights are not matched to the design.`,
      );
      return null;
    }
    manifest.push({ name, shape: shape as number[] });
  }
  return manifest;
}
