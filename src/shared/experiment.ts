/**
 * An experiment as one document: the design, the data choice and its settings, the training
 * settings (seed included) and which internals views are open. Versioned JSON (documented in
 * docs/experiment-format.md); older versions are migrated on the way in, and anything that does
 * not validate is refused with a message naming the field. Pure: no store, no DOM.
 */
import { z } from './zod';
import type { DatasetChoice } from '../data/datasets';
import { englishText } from './messages/englishText';
import { message, type Message } from './messages/message';
import type { ModelSpec } from '../models/spec';
import type { TrainingConfig } from '../models/trainingConfig';
import {
  datasetChoiceSchema,
  describeZodError,
  modelSpecSchema,
  trainingConfigSchema,
} from './schemas';

export const EXPERIMENT_FORMAT = 'layerlab-experiment';
export const EXPERIMENT_VERSION = 1;

const VIEW_NAMES = [
  'activations',
  'attention',
  'boundary',
  'confusion',
  'histograms',
  'projection',
  'generation',
] as const;
export type ExperimentView = (typeof VIEW_NAMES)[number];

export interface Experiment {
  format: typeof EXPERIMENT_FORMAT;
  version: typeof EXPERIMENT_VERSION;
  /** A name the user may give it (shown when it is loaded). */
  name: string;
  spec: ModelSpec;
  dataset: DatasetChoice;
  training: TrainingConfig;
  views: { open: ExperimentView[]; intervalMs: number };
}

const experimentSchema = z.object({
  format: z.literal(EXPERIMENT_FORMAT),
  version: z.literal(EXPERIMENT_VERSION),
  name: z._default(z.string().check(z.maxLength(200)), ''),
  spec: modelSpecSchema,
  dataset: datasetChoiceSchema,
  training: trainingConfigSchema,
  views: z._default(
    z.object({
      open: z.array(z.enum(VIEW_NAMES)).check(z.maxLength(VIEW_NAMES.length)),
      intervalMs: z.number().check(z.gte(50), z.lte(60_000)),
    }),
    { open: [], intervalMs: 250 },
  ),
});

/**
 * A refusal says why in `problem`, a clause that follows "… could not be loaded:" (a Message of
 * files.experiment or files.shareLink); `message` is its English text, for code without Messages.
 */
export type ParseResult =
  { ok: true; experiment: Experiment } | { ok: false; problem: Message; message: string };

/** A refusal with its reason. */
export function refuse(problem: Message): ParseResult {
  return { ok: false, problem, message: englishText(problem) };
}

/**
 * Version 0 is what LayerLab saved before experiments had a format: { spec, dataset, training }
 * (the local save's shape). It becomes version 1 with no views open.
 */
function migrate(value: Record<string, unknown>): Record<string, unknown> {
  if (value.format === undefined && value.version === undefined && 'spec' in value) {
    return { ...value, format: EXPERIMENT_FORMAT, version: 1 };
  }
  return value;
}

export function parseExperiment(value: unknown): ParseResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return refuse(message('files.experiment.notObject'));
  }
  const migrated = migrate(value as Record<string, unknown>);
  if (migrated.format !== EXPERIMENT_FORMAT) {
    return refuse(message('files.experiment.wrongFormat', { format: String(migrated.format) }));
  }
  if (typeof migrated.version === 'number' && migrated.version > EXPERIMENT_VERSION) {
    return refuse(
      message('files.experiment.newer', {
        version: migrated.version,
        supported: EXPERIMENT_VERSION,
      }),
    );
  }
  const parsed = experimentSchema.safeParse(migrated);
  if (!parsed.success)
    return refuse(message('files.experiment.malformed', { where: describeZodError(parsed.error) }));
  return { ok: true, experiment: parsed.data as Experiment };
}

export function makeExperiment(parts: Omit<Experiment, 'format' | 'version'>): Experiment {
  return { format: EXPERIMENT_FORMAT, version: EXPERIMENT_VERSION, ...parts };
}

export const EXPERIMENT_VIEWS = VIEW_NAMES;

/**
 * An experiment this browser kept (a run's, a saved model's) may be older than this LayerLab:
 * settings added since get the defaults an older file gets, so using it neither crashes on a
 * missing field nor trains with one undefined. One that cannot be read stays as it was kept.
 */
export function upgradeKept<T extends { experiment: Experiment }>(kept: T): T;
export function upgradeKept<T extends { experiment: Experiment }>(
  kept: T | undefined,
): T | undefined;
export function upgradeKept<T extends { experiment: Experiment }>(kept: T | undefined) {
  if (!kept) return kept;
  const parsed = parseExperiment(kept.experiment);
  return parsed.ok ? { ...kept, experiment: parsed.experiment } : kept;
}
