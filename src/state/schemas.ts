/**
 * Schemas for everything LayerLab reads from outside its own memory (local storage today; share
 * links and files later). A failed parse names the bad field; nothing half-valid is ever loaded.
 */
import { z } from 'zod';
import { DATASET_IDS } from '../data/datasets';
import { ACTIVATIONS, MODEL_SPEC_VERSION, PADDINGS } from '../models/spec';
import { BACKEND_CHOICES, LOSSES, OPTIMIZERS } from '../models/trainingConfig';

const id = z.string().min(1).max(64);
const activation = z.enum(ACTIVATIONS);
const padding = z.enum(PADDINGS);

// Numbers are only checked for type here: out-of-range values are kept and shown as problems by
// analyzeModel, so a user's odd-but-deliberate value is never silently replaced.
const layerSchema = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('dense'), units: z.number(), activation }),
  z.object({ id, kind: z.literal('dropout'), rate: z.number() }),
  z.object({ id, kind: z.literal('flatten') }),
  z.object({
    id,
    kind: z.literal('conv2d'),
    filters: z.number(),
    kernelSize: z.number(),
    strides: z.number(),
    padding,
    activation,
  }),
  z.object({
    id,
    kind: z.literal('maxpool2d'),
    poolSize: z.number(),
    strides: z.number(),
    padding,
  }),
]);

export const modelSpecSchema = z.object({
  version: z.literal(MODEL_SPEC_VERSION),
  layers: z.array(layerSchema).max(200),
});

export const datasetChoiceSchema = z.object({
  id: z
    .enum(DATASET_IDS as [string, ...string[]])
    .transform((v) => v as (typeof DATASET_IDS)[number]),
  noise: z.number(),
  samples: z.number(),
});

export const trainingConfigSchema = z.object({
  optimizer: z.enum(OPTIMIZERS),
  learningRate: z.number(),
  loss: z.enum(LOSSES),
  batchSize: z.number(),
  epochs: z.number(),
  validationSplit: z.number(),
  seed: z.number(),
  backend: z.enum(BACKEND_CHOICES),
});

export const savedWorkSchema = z.object({
  spec: modelSpecSchema,
  dataset: datasetChoiceSchema,
  training: trainingConfigSchema,
});

export type SavedWork = z.infer<typeof savedWorkSchema>;

/** A readable one-line description of the first problem zod found. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const path = issue.path.join('.') || '(root)';
  return `${path}: ${issue.message}`;
}
