/**
 * A lesson as a data file (public/lessons/*.json), so a teacher can write one: a title, where it
 * starts (a preset), and short steps in English and Chinese, each optionally pointing at a part of
 * the screen and carrying a goal that LayerLab checks on the learner's own design and results.
 * Validated with zod: a broken file is refused with the field named.
 */
import { PRESETS } from '../models/presets';
import { z } from '../shared/zod';
import { describeIssue } from '../shared/zodIssue';
import { message, type Message } from '../shared/messages/message';

export const LESSON_FORMAT = 'layerlab-lesson';
export const LESSON_VERSION = 1;

const words = z.string().check(z.minLength(1), z.maxLength(2000));
const text = z.object({ en: words, zh: words });
export type LessonText = z.infer<typeof text>;

const comparison = z.enum(['<=', '>=']);

/** The numbers a goal can compare, read from the current run and design. */
export const LESSON_METRICS = [
  'trainAccuracy',
  'valAccuracy',
  'testAccuracy',
  'trainLoss',
  'valLoss',
  /** Training accuracy minus validation accuracy: the overfitting gap. */
  'accuracyGap',
  /** Parameters of the design. */
  'params',
  /** Units in hidden Dense layers (every Dense but the last). */
  'hiddenUnits',
  /** Steps trained in the current run. */
  'steps',
] as const;
export type LessonMetric = (typeof LESSON_METRICS)[number];

/** The training settings a goal can read ('clipping' and 'schedule' are their kinds). */
export const LESSON_SETTINGS = [
  'optimizer',
  'loss',
  'learningRate',
  'batchSize',
  'clipping',
  'schedule',
  'warmupSteps',
] as const;
export type LessonSetting = (typeof LESSON_SETTINGS)[number];

/** The numbers of the current run's training curve that the timeline goal reads. */
export const TIMELINE_METRICS = ['trainAccuracy', 'trainLoss'] as const;

export type Goal =
  | { kind: 'metric'; metric: LessonMetric; op: '<=' | '>='; value: number }
  /** The design has (or lacks, with count 0) at least `count` layers of this kind. */
  | { kind: 'layer'; layer: string; min?: number | undefined; max?: number | undefined }
  /** Every layer with an activation uses this one (e.g. all ReLU). */
  | { kind: 'activation'; activation: string; only: boolean }
  /** Some layer of this kind has this setting (e.g. a transformer block with 1 head). */
  | { kind: 'field'; layer: string; field: string; value: string | number | boolean }
  /** Some layer has an L2 (or L1) penalty on its kernel. */
  | { kind: 'penalty'; penalty: 'l1' | 'l2' }
  /**
   * A training setting of the current run (the settings on screen before any run) equals a value
   * (e.g. the optimizer is SGD), or with `op` is at most or at least a number (the learning rate is
   * at least 0.5).
   */
  | {
      kind: 'setting';
      setting: LessonSetting;
      value: string | number;
      op?: '<=' | '>=' | undefined;
    }
  /** The current run's loss became NaN or infinite: training diverged. */
  | { kind: 'diverged' }
  /**
   * Two finished runs on the design's data: the latest, which meets `after`, against the newest
   * earlier one that meets `before` (each condition read on that run's design, settings and last
   * numbers). The latest's metric is lower (or higher) by at least `by`: the fix worked.
   */
  | {
      kind: 'compareRuns';
      metric: LessonMetric;
      change: 'lower' | 'higher';
      by: number;
      before?: Goal | undefined;
      after?: Goal | undefined;
    }
  /**
   * The timeline shows the first checkpoint of the current run at which the training number
   * (its record at or just before the checkpoint) passes the bar; `tolerance` checkpoints either
   * side count too, as the eye reads a curve roughly.
   */
  | {
      kind: 'timeline';
      metric: (typeof TIMELINE_METRICS)[number];
      op: '<=' | '>=';
      value: number;
      tolerance?: number | undefined;
    }
  | { kind: 'all'; goals: Goal[] }
  | { kind: 'any'; goals: Goal[] }
  /** The goal is not met (e.g. the design has neither dropout nor L2). */
  | { kind: 'not'; goal: Goal };

const goal: z.ZodMiniType<Goal> = z.lazy(() => {
  const goals = z.array(goal).check(z.minLength(1), z.maxLength(10));
  return z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('metric'),
      metric: z.enum(LESSON_METRICS),
      op: comparison,
      value: z.number(),
    }),
    z.object({
      kind: z.literal('layer'),
      layer: z.string(),
      min: z.optional(z.int().check(z.nonnegative())),
      max: z.optional(z.int().check(z.nonnegative())),
    }),
    z.object({ kind: z.literal('activation'), activation: z.string(), only: z.boolean() }),
    z.object({ kind: z.literal('penalty'), penalty: z.enum(['l1', 'l2']) }),
    z.object({
      kind: z.literal('field'),
      layer: z.string(),
      field: z.string(),
      value: z.union([z.string(), z.number(), z.boolean()]),
    }),
    z.object({
      kind: z.literal('setting'),
      setting: z.enum(LESSON_SETTINGS),
      value: z.union([z.string(), z.number()]),
      op: z.optional(comparison),
    }),
    z.object({ kind: z.literal('diverged') }),
    z.object({
      kind: z.literal('compareRuns'),
      metric: z.enum(LESSON_METRICS),
      change: z.enum(['lower', 'higher']),
      by: z.number().check(z.nonnegative()),
      before: z.optional(goal),
      after: z.optional(goal),
    }),
    z.object({
      kind: z.literal('timeline'),
      metric: z.enum(TIMELINE_METRICS),
      op: comparison,
      value: z.number(),
      tolerance: z.optional(z.int().check(z.gte(0), z.lte(3))),
    }),
    z.object({ kind: z.literal('all'), goals }),
    z.object({ kind: z.literal('any'), goals }),
    z.object({ kind: z.literal('not'), goal }),
  ]);
});

const step = z.object({
  text,
  /** A part of the screen to point at: a data-area name (designer, settings, controls, charts, internals, data, runs). */
  highlight: z.optional(z.string().check(z.maxLength(40))),
  /** Checked on the learner's work; without one, the step is read and passed with Next. */
  goal: z.optional(goal),
  /** What the goal asks, in words, shown with a tick when met. */
  goalText: z.optional(text),
});
export type LessonStep = z.infer<typeof step>;

const lessonSchema = z.object({
  format: z.literal(LESSON_FORMAT),
  version: z.literal(LESSON_VERSION),
  id: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/)),
  title: text,
  summary: text,
  /** The preset the lesson starts from (loaded when the lesson starts): one LayerLab has. */
  preset: z.enum(PRESETS.map((p) => p.id) as [string, ...string[]]),
  steps: z.array(step).check(z.minLength(1), z.maxLength(30)),
});
export type Lesson = z.infer<typeof lessonSchema>;

export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; problem: Message };

export function parseLesson(value: unknown, source: string): LessonParse {
  const parsed = lessonSchema.safeParse(value);
  if (parsed.success) return { ok: true, lesson: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : message('files.lessons.wholeFile');
  const problem = issue ? describeIssue(issue) : message('files.lessons.unreadable');
  return { ok: false, problem: message('files.lessons.invalid', { source, where, problem }) };
}
