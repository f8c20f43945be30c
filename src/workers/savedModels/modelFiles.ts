/**
 * A saved model as tfjs files: `model.json` (tfjs layers format: topology, weightsManifest, and
 * LayerLab's own record under userDefinedMetadata.layerlab) and one `.weights.bin`. tf.loadLayersModel
 * reads them (LayerLab's custom layers registered), the exported Python programs read them, and
 * LayerLab reads them back with their optimizer state and history. No tfjs here: bytes and JSON.
 */
import { z } from '../../shared/zod';
import { parseExperiment } from '../../shared/experiment';
import { listMessages, message, verbatim, type Message } from '../../shared/messages/message';
import { describeZodError } from '../../shared/schemas';
import type { RunHistory, SavedModelEntry, UploadedFile } from '../../shared/protocol';
import type { ModelBundle, WeightSpec } from './modelBundle';
import { concatBuffers } from './modelBundle';

export const MODEL_FILE_FORMAT = 'layerlab-model';
export const MODEL_FILE_VERSION = 1;
/** A model.json larger than this is not a model description. */
const MAX_MODEL_JSON_BYTES = 32 * 2 ** 20;

const BYTES_PER_VALUE: Record<string, number> = { float32: 4, int32: 4, bool: 1 };

/** What LayerLab keeps in model.json besides the tfjs fields. */
export interface LayerLabMetadata {
  format: typeof MODEL_FILE_FORMAT;
  version: typeof MODEL_FILE_VERSION;
  entry: Omit<SavedModelEntry, 'id' | 'bytes'>;
  history: RunHistory;
  step: number;
  epoch: number;
  optimizerClass: string;
}

/** A file name from a model name: letters, digits, dashes. */
export function fileStem(name: string): string {
  const stem = name
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return stem || 'layerlab-model';
}

export function toModelFiles(
  entry: SavedModelEntry,
  bundle: ModelBundle,
  history: RunHistory,
): UploadedFile[] {
  const stem = fileStem(entry.name);
  // The id and size belong to one browser's store; the uploading browser gives its own.
  const kept = Object.fromEntries(
    Object.entries(entry).filter(([key]) => key !== 'id' && key !== 'bytes'),
  ) as LayerLabMetadata['entry'];
  const metadata: LayerLabMetadata = {
    format: MODEL_FILE_FORMAT,
    version: MODEL_FILE_VERSION,
    entry: kept,
    history,
    step: bundle.step,
    epoch: bundle.epoch,
    optimizerClass: bundle.optimizerClass,
  };
  const modelJson = {
    format: 'layers-model',
    generatedBy: 'LayerLab',
    convertedBy: null,
    modelTopology: bundle.modelTopology,
    weightsManifest: [{ paths: [`${stem}.weights.bin`], weights: bundle.weightSpecs }],
    userDefinedMetadata: { layerlab: metadata },
  };
  const json = new TextEncoder().encode(JSON.stringify(modelJson));
  return [
    { name: `${stem}.json`, bytes: json.buffer },
    { name: `${stem}.weights.bin`, bytes: bundle.weightData.slice(0) },
  ];
}

const weightSpecSchema = z.object({
  name: z.string(),
  shape: z.array(z.int().check(z.nonnegative())),
  dtype: z.string(),
  group: z.optional(z.string()),
  quantization: z.optional(z.unknown()),
});

/** Loose on purpose: a bare Keras `model.to_json()` has no modelTopology; the importer checks it. */
const modelJsonSchema = z.object({
  modelTopology: z.optional(z.record(z.string(), z.unknown())),
  weightsManifest: z.optional(
    z.array(z.object({ paths: z.array(z.string()), weights: z.array(weightSpecSchema) })),
  ),
  userDefinedMetadata: z.optional(z.record(z.string(), z.unknown())),
});

export type ParsedModelJson = z.infer<typeof modelJsonSchema>;

/** The model.json among uploaded files, parsed; a message naming the file when it is not one. */
export function readModelJson(
  files: readonly UploadedFile[],
):
  | { ok: true; file: UploadedFile; json: ParsedModelJson; raw: unknown }
  | { ok: false; problem: Message } {
  const jsonFiles = files.filter((f) => /\.json$/i.test(f.name));
  if (jsonFiles.length !== 1) {
    return {
      ok: false,
      problem:
        jsonFiles.length === 0
          ? message('modelImport.files.noJson')
          : message('modelImport.files.severalJson', {
              files: listMessages(jsonFiles.map((f) => verbatim(f.name))) ?? '',
            }),
    };
  }
  const file = jsonFiles[0] as UploadedFile;
  if (file.bytes.byteLength > MAX_MODEL_JSON_BYTES) {
    return { ok: false, problem: message('modelImport.files.tooLarge', { file: file.name }) };
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(file.bytes));
  } catch {
    return { ok: false, problem: message('modelImport.files.notJson', { file: file.name }) };
  }
  const parsed = modelJsonSchema.safeParse(value);
  if (!parsed.success) {
    return {
      ok: false,
      problem: message('modelImport.files.notModelJson', {
        file: file.name,
        detail: describeZodError(parsed.error),
      }),
    };
  }
  return { ok: true, file, json: parsed.data, raw: value };
}

/** The weight bytes a manifest describes, from the uploaded .bin files, checked for size. */
export function readWeights(
  modelFile: string,
  json: ParsedModelJson,
  files: readonly UploadedFile[],
): { ok: true; specs: WeightSpec[]; data: ArrayBuffer } | { ok: false; problem: Message } {
  const manifest = json.weightsManifest ?? [];
  const specs: WeightSpec[] = [];
  const buffers: ArrayBuffer[] = [];
  const byName = new Map(files.map((f) => [baseName(f.name), f]));
  for (const group of manifest) {
    for (const path of group.paths) {
      const file = byName.get(baseName(path));
      if (!file) {
        return {
          ok: false,
          problem: message('modelImport.files.weightFileMissing', {
            file: modelFile,
            weightFile: baseName(path),
          }),
        };
      }
      buffers.push(file.bytes);
    }
    for (const spec of group.weights) {
      if (spec.quantization !== undefined) {
        return {
          ok: false,
          problem: message('modelImport.files.quantized', { file: modelFile, name: spec.name }),
        };
      }
      if (!(spec.dtype in BYTES_PER_VALUE)) {
        return {
          ok: false,
          problem: message('modelImport.files.weightType', {
            file: modelFile,
            name: spec.name,
            type: spec.dtype,
          }),
        };
      }
      specs.push({
        name: spec.name,
        shape: spec.shape,
        dtype: spec.dtype as WeightSpec['dtype'],
        ...(spec.group !== undefined
          ? { group: spec.group as NonNullable<WeightSpec['group']> }
          : {}),
      });
    }
  }
  const data = concatBuffers(buffers);
  const expected = specs.reduce(
    (sum, s) => sum + s.shape.reduce((p, d) => p * d, 1) * (BYTES_PER_VALUE[s.dtype] ?? 4),
    0,
  );
  if (data.byteLength !== expected) {
    return {
      ok: false,
      problem: message('modelImport.files.weightBytes', {
        file: modelFile,
        found: data.byteLength,
        expected,
      }),
    };
  }
  return { ok: true, specs, data };
}

const count = z.int().check(z.nonnegative());
/** JSON writes NaN and ±Infinity (a diverged run's loss) as null: read back as NaN. */
const measured = z.pipe(
  z.nullable(z.number()),
  z.transform((value) => value ?? Number.NaN),
);
const trainRecordSchema = z.object({
  step: count,
  epoch: count,
  batches: count,
  loss: measured,
  accuracy: z.nullable(z.number()),
  samplesPerSec: measured,
  learningRate: measured,
  gradientNorm: z.optional(z.nullable(z.number())),
  tensors: count,
  gpuBytes: count,
});
const validationRecordSchema = z.object({
  step: count,
  epoch: count,
  loss: measured,
  accuracy: z.nullable(z.number()),
});
const metadataSchema = z.object({
  format: z.literal(MODEL_FILE_FORMAT),
  version: z.int(),
  entry: z.object({
    name: z.string().check(z.maxLength(200)),
    savedAt: z.string(),
    step: count,
    epoch: count,
    params: count,
    metrics: z.record(z.string(), z.nullable(z.number())),
    source: z.enum(['trained', 'uploaded', 'keras']),
    hasOptimizerState: z.boolean(),
    backend: z.string(),
    experiment: z.unknown(),
  }),
  // Checked record by record: the charts and the runs list read every field of every record.
  history: z.object({
    train: z.array(trainRecordSchema),
    validation: z.array(validationRecordSchema),
  }),
  step: count,
  epoch: count,
  optimizerClass: z.string(),
});

/** LayerLab's record in a model.json, or null (with why) when it has none or a broken one. */
export function readLayerLabMetadata(
  modelFile: string,
  json: ParsedModelJson,
):
  | { ok: true; metadata: LayerLabMetadata }
  | { ok: false; missing: true }
  | { ok: false; missing: false; problem: Message } {
  const raw = json.userDefinedMetadata?.['layerlab'];
  if (raw === undefined) return { ok: false, missing: true };
  const parsed = metadataSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      missing: false,
      problem: message('modelImport.files.recordDamaged', {
        file: modelFile,
        detail: describeZodError(parsed.error),
      }),
    };
  }
  if (parsed.data.version > MODEL_FILE_VERSION) {
    return {
      ok: false,
      missing: false,
      problem: message('modelImport.files.newer', {
        file: modelFile,
        version: parsed.data.version,
      }),
    };
  }
  const experiment = parseExperiment(parsed.data.entry.experiment);
  if (!experiment.ok) {
    return {
      ok: false,
      missing: false,
      problem: message('modelImport.files.experiment', {
        file: modelFile,
        problem: experiment.problem,
      }),
    };
  }
  const metadata = {
    ...parsed.data,
    entry: { ...parsed.data.entry, experiment: experiment.experiment },
  } as unknown as LayerLabMetadata;
  return { ok: true, metadata };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
