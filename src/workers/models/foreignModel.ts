/**
 * A model.json that LayerLab did not write (Keras through the tfjs converter, or tfjs-layers):
 * turned into a design. Filled in by the Keras importer.
 */
import type { SavedModelEntry, UploadedFile, WorkerEvent } from '../protocol';
import type { ParsedModelJson } from './modelFiles';
import type { ModelServiceDeps } from './modelService';

export function importForeignModel(
  requestId: number,
  fileName: string,
  json: ParsedModelJson,
  files: readonly UploadedFile[],
  experiment: SavedModelEntry['experiment'],
  deps: ModelServiceDeps,
): Promise<WorkerEvent> {
  void [json, files, experiment, deps];
  return Promise.resolve({
    type: 'modelFailed',
    requestId,
    message: `${fileName} is not a LayerLab model file.`,
  });
}
