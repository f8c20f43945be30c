/** Importing a Keras / TensorFlow.js layers model (model.json) as a LayerLab design. */
export { importKerasModel, MAX_IMPORTED_LAYERS } from './importKerasModel';
export type { ImportedModel, KerasImportResult, ModelImportError, WeightMapping } from './types';
