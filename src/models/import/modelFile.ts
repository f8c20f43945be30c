/**
 * Finds the Keras model description inside the ways it gets saved:
 *  - tfjs `model.save()` / a tfjs-layers model.json: { modelTopology: { class_name, config }, weightsManifest }
 *  - the TensorFlow.js converter's Keras output: { modelTopology: { model_config: { class_name, config } } }
 *  - the in-memory ModelArtifacts of tf.io.withSaveHandler: { modelTopology, weightSpecs }
 *  - a bare Keras `model.to_json()`: { class_name, config } (also when still a JSON string)
 */
import { message, type Message } from '../../shared/messages/message';
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
  notes: Message[];
}

export function readModelFile(json: unknown): ModelFile | ModelImportError {
  let value = json;
  if (typeof value === 'string') {
    // Keras's model.to_json() returns a string; saved with json.dump it arrives encoded twice.
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return importError(message('modelImport.textNotJson'));
    }
  }
  if (!isObject(value)) {
    return importError(message('modelImport.fileNotObject', { found: describeValue(value) }));
  }
  const format = value['format'];
  if (format === 'graph-model') {
    return importError(message('modelImport.graphModelFormat'));
  }
  if (format !== undefined && format !== 'layers-model') {
    return importError(message('modelImport.otherFormat', { format: JSON.stringify(format) }));
  }

  let topology: unknown;
  /** Where the description sits in the file; null when the file is the description. */
  let where: string | null;
  if ('modelTopology' in value) {
    const outer = value['modelTopology'];
    if (!isObject(outer)) {
      return importError(message('modelImport.topologyNotObject', { found: describeValue(outer) }));
    }
    if ('node' in outer) {
      return importError(message('modelImport.graphModelTopology'));
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
    where = null;
  } else {
    return importError(message('modelImport.notAModel'));
  }

  if (!isObject(topology)) {
    // The file itself is an object, so only a nested description can be something else.
    const path = where ?? 'model_config';
    return importError(
      message('modelImport.descriptionNotObject', { path, found: describeValue(topology) }),
    );
  }
  const className = topology['class_name'];
  if (typeof className !== 'string') {
    return importError(
      where === null
        ? message('modelImport.fileNoClassName')
        : message('modelImport.noClassName', { path: capitalise(where) }),
    );
  }
  const config = topology['config'];
  if (!isObject(config) && !Array.isArray(config)) {
    const found = describeValue(config);
    return importError(
      config === undefined
        ? where === null
          ? message('modelImport.fileNoConfig')
          : message('modelImport.noConfig', { path: capitalise(where) })
        : where === null
          ? message('modelImport.fileConfigNotObject', { found })
          : message('modelImport.configNotObject', { path: where, found }),
    );
  }

  const notes: Message[] = [];
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
function readManifest(file: JsonObject, notes: Message[]): ManifestWeight[] | null {
  let entries: unknown[];
  if (Array.isArray(file['weightsManifest'])) {
    entries = [];
    for (const [i, group] of file['weightsManifest'].entries()) {
      const weights = isObject(group) ? group['weights'] : undefined;
      if (!Array.isArray(weights)) {
        notes.push(message('modelImport.brokenManifestGroup', { group: i + 1 }));
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
      notes.push(message('modelImport.brokenManifestWeight', { weight: i + 1 }));
      return null;
    }
    manifest.push({ name, shape: shape as number[] });
  }
  return manifest;
}
