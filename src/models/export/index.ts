/**
 * Code export: a LayerLab design as a runnable PyTorch or Keras program. Pure (no tfjs, no DOM),
 * so the UI can run it on the main thread; imported lazily where it is shown.
 */
export { exportPyTorch } from './exportPyTorch';
export { exportKeras, kerasLayerList, type KerasLayer } from './exportKeras';
export { ExportError } from './python';
