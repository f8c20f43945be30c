/**
 * Schemas for everything LayerLab reads from outside its own memory (local storage today; share
 * links and files later). A failed parse names the bad field; nothing half-valid is ever loaded.
 */
import { z } from './zod';
import { message, type Message } from './messages/message';
import { describeIssue } from './zodIssue';
import { datasetNoteSchema } from './messages/storedMessage';
import {
  ACTIVATIONS,
  INITIALIZERS,
  MODEL_SPEC_VERSION,
  PADDINGS,
  POSITION_MODES,
} from '../models/spec';
import { SCHEDULES } from '../models/schedules';
import {
  BACKEND_CHOICES,
  CLIPPING_KINDS,
  DEFAULT_TRAINING,
  EARLY_STOP_METRICS,
  LOSSES,
  OPTIMIZERS,
} from '../models/trainingConfig';

const id = z.string().check(z.minLength(1), z.maxLength(64));
const activation = z.enum(ACTIVATIONS);
const padding = z.enum(PADDINGS);

// Numbers are only checked for type here: out-of-range values are kept and shown as problems by
// analyzeModel, so a user's odd-but-deliberate value is never silently replaced.
const num = z.number();
const kernel = {
  kernelInitializer: z.optional(z.enum(INITIALIZERS)),
  l1: z.optional(num),
  l2: z.optional(num),
};
const pool = { id, poolSize: num, strides: num, padding };
const recurrent = { id, units: num, returnSequences: z.boolean(), ...kernel };
const merge = { id, from: z.string().check(z.minLength(1), z.maxLength(64)) };

const layerSchema = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('dense'), units: num, activation, ...kernel }),
  z.object({ id, kind: z.literal('dropout'), rate: num }),
  z.object({ id, kind: z.literal('flatten') }),
  z.object({ id, kind: z.literal('reshape'), targetShape: z.array(num).check(z.maxLength(8)) }),
  z.object({ id, kind: z.literal('activation'), activation }),
  z.object({
    id,
    kind: z.literal('conv2d'),
    filters: num,
    kernelSize: num,
    strides: num,
    padding,
    activation,
    ...kernel,
  }),
  z.object({ kind: z.literal('maxpool2d'), ...pool }),
  z.object({ kind: z.literal('avgpool2d'), ...pool }),
  z.object({ id, kind: z.literal('globalavgpool1d') }),
  z.object({ id, kind: z.literal('globalavgpool2d') }),
  z.object({ id, kind: z.literal('batchnorm'), momentum: num, epsilon: num }),
  z.object({ id, kind: z.literal('layernorm'), epsilon: num }),
  z.object({ id, kind: z.literal('embedding'), inputDim: num, outputDim: num, ...kernel }),
  z.object({ kind: z.literal('simplernn'), ...recurrent }),
  z.object({ kind: z.literal('lstm'), ...recurrent }),
  z.object({ kind: z.literal('gru'), ...recurrent }),
  z.object({
    id,
    kind: z.literal('attention'),
    numHeads: num,
    keyDim: num,
    causal: z.boolean(),
    dropout: num,
  }),
  z.object({ id, kind: z.literal('positional'), mode: z.enum(POSITION_MODES), maxLength: num }),
  z.object({ kind: z.literal('add'), ...merge }),
  z.object({ kind: z.literal('concatenate'), ...merge }),
  z.object({
    id,
    kind: z.literal('residualblock'),
    variant: z.enum(['dense', 'conv']),
    width: num,
    activation,
  }),
  z.object({
    id,
    kind: z.literal('transformerblock'),
    numHeads: num,
    keyDim: num,
    ffUnits: num,
    dropout: num,
    causal: z.boolean(),
  }),
]);

/** Layers are found by id (editing, connections, weights): two with one id would be one layer twice. */
const distinctIds = z.superRefine((layers: readonly { id: string }[], ctx) => {
  const seen = new Set<string>();
  layers.forEach(({ id }, index) => {
    if (seen.has(id)) {
      ctx.issues.push({
        code: 'custom',
        input: id,
        path: [index, 'id'],
        params: { problem: message('files.zod.duplicateId', { id }) },
      });
    }
    seen.add(id);
  });
});

export const modelSpecSchema = z.object({
  version: z.literal(MODEL_SPEC_VERSION),
  layers: z.array(layerSchema).check(z.maxLength(200), distinctIds),
});

// Fields added after the first release have defaults, so older saved work still loads.
export const datasetChoiceSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(100)),
  noise: z.number(),
  samples: z.number(),
  sequenceLength: z._default(z.number(), 8),
  vocabularySize: z._default(z.number(), 10),
  augment: z._default(z.object({ shift: z.boolean(), rotate: z.boolean(), flip: z.boolean() }), {
    shift: false,
    rotate: false,
    flip: false,
  }),
});

export const userDatasetEntrySchema = z.object({
  id: z.string().check(z.startsWith('user:')),
  kind: z.enum(['images', 'table']),
  task: z.enum(['classification', 'sequence', 'regression']),
  name: z.string(),
  inputShape: z.array(z.int().check(z.positive())).check(z.minLength(1)),
  classes: z.array(z.string()).check(z.minLength(1)),
  samples: z.int().check(z.positive()),
  featureNames: z.optional(z.array(z.string())),
  notes: z.array(datasetNoteSchema),
});

const d = DEFAULT_TRAINING;

// Settings added after the first files were written default to what those files trained with.
export const trainingConfigSchema = z.object({
  optimizer: z.enum(OPTIMIZERS),
  momentum: z._default(z.number(), d.momentum),
  nesterov: z._default(z.boolean(), d.nesterov),
  beta1: z._default(z.number(), d.beta1),
  beta2: z._default(z.number(), d.beta2),
  epsilon: z._default(z.number(), d.epsilon),
  rho: z._default(z.number(), d.rho),
  weightDecay: z._default(z.number(), d.weightDecay),
  schedule: z._default(
    z.object({
      kind: z.enum(SCHEDULES),
      gamma: z.number(),
      stepEpochs: z.number(),
      floor: z.number(),
      warmupSteps: z.number(),
    }),
    d.schedule,
  ),
  clipping: z._default(
    z.object({ kind: z.enum(CLIPPING_KINDS), threshold: z.number() }),
    d.clipping,
  ),
  recordGradientNorm: z._default(z.boolean(), d.recordGradientNorm),
  earlyStopping: z._default(
    z.object({
      enabled: z.boolean(),
      metric: z.enum(EARLY_STOP_METRICS),
      patience: z.number(),
      minDelta: z.number(),
      restoreBest: z.boolean(),
    }),
    d.earlyStopping,
  ),
  learningRate: z.number(),
  loss: z.enum(LOSSES),
  batchSize: z.number(),
  epochs: z.number(),
  validationSplit: z.number(),
  testSplit: z._default(z.number(), 0.1),
  seed: z.number(),
  backend: z.enum(BACKEND_CHOICES),
});

/** The most uploaded datasets the saved work lists (UploadForm refuses one more). */
export const MAX_USER_DATASETS = 50;

export const savedWorkSchema = z.object({
  spec: modelSpecSchema,
  dataset: datasetChoiceSchema,
  training: trainingConfigSchema,
  userDatasets: z._default(
    z.array(userDatasetEntrySchema).check(z.maxLength(MAX_USER_DATASETS)),
    [],
  ),
});

export type SavedWork = z.infer<typeof savedWorkSchema>;

/** A readable one-line description of the first problem zod found, in the reader's language. */
export function describeZodError(error: z.core.$ZodError): Message {
  const issue = error.issues[0];
  if (!issue) return message('files.zod.unknown');
  const path = issue.path.join('.') || message('files.zod.root');
  return message('files.zod.issue', { path, problem: describeIssue(issue) });
}
