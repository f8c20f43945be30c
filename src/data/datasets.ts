/**
 * The dataset catalogue: what the UI and shape inference need to know about each dataset (input
 * shape, classes, task) without loading any data. Built-in datasets are described by the one
 * manifest, public/datasets/manifest.json (also served, so a static host lists what it ships);
 * the user's own uploads are described by entries the worker returns after importing them.
 * The worker owns loading (src/workers/datasetLoader.ts).
 */
import { z } from '../shared/zod';
import manifestJson from '../../public/datasets/manifest.json';
import { message, type Message, type MessageValue } from '../shared/messages/message';
import type { Shape } from '../models/spec';
import type { DatasetTask } from './types';

/** How a dataset's samples look, which decides how it is generated or decoded and shown. */
export const DATASET_KINDS = [
  'points2d', // generated 2-D points (TensorFlow Playground style)
  'function1d', // a generated noisy 1-D function (regression)
  'images', // pixel grids [h, w, channels]
  'table', // rows of numeric features
  'text', // labelled texts, tokenised into word ids
  'corpus', // one long text, cut into windows for next-character prediction
  'sequence', // generated token sequences (reverse, sort, copy)
] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

const text = z.string().check(z.minLength(1));
const localized = z.object({ en: text, zh: text });

const manifestEntrySchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
    kind: z.enum(DATASET_KINDS),
    task: z.enum(['classification', 'sequence', 'regression']),
    name: localized,
    description: localized,
    /** One sample's shape; for sequence-like kinds, the default length. */
    inputShape: z.array(z.int().check(z.positive())).check(z.minLength(1)),
    /**
     * Class names; regression names its targets. A character corpus has none here: its vocabulary
     * (thousands of characters for the Tang poems) is in vocabularies.json, which only the worker
     * and the views that show characters load (src/data/corpusVocabulary.ts), and its size is
     * vocabularySize.
     */
    classes: z.optional(z.array(z.string()).check(z.minLength(1))),
    /** The class names in Chinese, in the order of `classes`, where they are words to translate. */
    classesZh: z.optional(z.array(text)),
    /** Samples available (generated kinds: the default count; corpus: characters). */
    samples: z.int().check(z.positive()),
    /** Files under public/datasets/ (none for generated kinds), and their total size. */
    files: z.array(z.string()),
    bytes: z.int().check(z.nonnegative()),
    /** Table kinds: the column holding the label. */
    labelColumn: z.optional(z.string()),
    /**
     * Text kinds: the vocabulary cap used by default (ids 0 and 1 are padding and unknown); a
     * corpus: how many characters its vocabulary has (id 0 being `<oov>`).
     */
    vocabularySize: z.optional(z.int().check(z.positive())),
    source: text,
    licence: text,
  })
  .check(
    z.refine(
      (entry) =>
        entry.kind === 'corpus'
          ? entry.vocabularySize !== undefined && entry.classes === undefined
          : entry.classes !== undefined,
      {
        message: 'a corpus has a vocabularySize and no classes; every other kind has classes',
      },
    ),
    z.refine(
      (entry) =>
        entry.classesZh === undefined || entry.classesZh.length === (entry.classes?.length ?? 0),
      { message: 'classesZh names each of the classes, in their order' },
    ),
  );
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const manifestSchema = z.object({
  version: z.literal(1),
  datasets: z.array(manifestEntrySchema).check(z.minLength(1)),
});

/** The built-in datasets, validated once at start-up (a broken manifest is a build-time bug). */
export const MANIFEST: readonly ManifestEntry[] = manifestSchema.parse(manifestJson).datasets;

/** An uploaded dataset, as the worker describes it after a successful import (persisted). */
export interface UserDatasetEntry {
  /** "user:" followed by a random id; the samples are stored in IndexedDB under it. */
  id: string;
  kind: 'images' | 'table';
  task: DatasetTask;
  name: string;
  inputShape: number[];
  classes: string[];
  samples: number;
  /** Tables: the model input columns after encoding (one-hot columns are "column=value"). */
  featureNames?: string[] | undefined;
  /** What the import found and did (rows dropped, missing values filled, class counts). */
  notes: Message[];
}

/** Which data to train on, and the settings of the kinds that have some. */
export interface DatasetChoice {
  /** A manifest id or a UserDatasetEntry id. */
  id: string;
  /** Label noise / jitter for generated sets, 0 (clean) to 0.5 (very noisy). */
  noise: number;
  /** Number of generated samples (2-D points, 1-D function, sequences). */
  samples: number;
  /** Tokens per sample for sequence tasks, texts (padded or truncated) and corpus windows. */
  sequenceLength: number;
  /** Sequence tasks: how many distinct symbols; texts: the word vocabulary cap. */
  vocabularySize: number;
  /** Images: random shifts, small rotations and (optionally) flips of training images. */
  augment: { shift: boolean; rotate: boolean; flip: boolean };
}

/** Everything analysis and the UI need about the chosen data, settings applied. */
export interface DatasetInfo {
  id: string;
  origin: 'builtin' | 'user';
  kind: DatasetKind;
  task: DatasetTask;
  /** English for a built-in dataset; the file's name for an upload. */
  name: string;
  /** The name in the reader's language (a built-in dataset's two names); see datasetTitle. */
  title?: MessageValue;
  /** Shape of one sample, without the batch dimension. */
  inputShape: Shape;
  /** Class names; for regression, the target names (one output unit each). */
  classes: readonly string[];
  /** A built-in dataset's class names in Chinese, in the order of `classes` (see classesIn). */
  classesZh?: readonly string[] | undefined;
  /** True when the input holds token ids (whole numbers), which only an Embedding can take. */
  inputIsTokens: boolean;
  /** For token inputs: how many distinct ids there are (an Embedding needs at least this many rows). */
  vocabSize?: number;
}

/** Text kinds reserve id 0 for padding and id 1 for unknown words (src/data/text/tokenizer.ts). */
export const RESERVED_WORD_IDS = 2;

export const DATASET_IDS: readonly string[] = MANIFEST.map((e) => e.id);

const byId = new Map(MANIFEST.map((e) => [e.id, e]));

export function manifestEntry(id: string): ManifestEntry | undefined {
  return byId.get(id);
}

export function isBuiltinDatasetId(value: unknown): value is string {
  return typeof value === 'string' && byId.has(value);
}

/** A dataset's name for a sentence in the reader's language (a Message value). */
export const datasetTitle = (info: Pick<DatasetInfo, 'name' | 'title'>): MessageValue =>
  info.title ?? info.name;

/**
 * The class names to show a reader of `language`: a built-in dataset's Chinese names on the
 * Chinese page (“蓝”, not “blue”), else the names the data uses. A user's file keeps its own.
 */
export function classesIn(info: DatasetInfo, language: 'en' | 'zh'): readonly string[] {
  return (language === 'zh' ? info.classesZh : undefined) ?? info.classes;
}

/** How many symbols a sequence task may use (the analysis names a setting outside it). */
export const SEQUENCE_SYMBOLS = { min: 2, max: 100 } as const;

const inSymbolRange = (value: number | undefined): value is number =>
  value !== undefined &&
  Number.isInteger(value) &&
  value >= SEQUENCE_SYMBOLS.min &&
  value <= SEQUENCE_SYMBOLS.max;

function digits(count: number): string[] {
  return Array.from({ length: count }, (_, i) => String(i));
}

/**
 * An entry's classes: a corpus's are its token ids written as numbers (its characters are in
 * corpusVocabulary.ts, for the views that show them); every other kind lists its own.
 */
function entryClasses(entry: ManifestEntry): string[] {
  return entry.kind === 'corpus' ? digits(entry.vocabularySize ?? 0) : (entry.classes ?? []);
}

/** The info for a built-in dataset with the choice's settings applied. */
export function builtinInfo(entry: ManifestEntry, choice?: Partial<DatasetChoice>): DatasetInfo {
  const base = {
    id: entry.id,
    origin: 'builtin' as const,
    kind: entry.kind,
    task: entry.task,
    name: entry.name.en,
    title: message('common.inLanguage', { en: entry.name.en, zh: entry.name.zh }),
    inputShape: entry.inputShape,
    classes: entryClasses(entry),
    classesZh: entry.classesZh,
    inputIsTokens: false,
  };
  const length = choice?.sequenceLength ?? entry.inputShape[0] ?? 1;
  switch (entry.kind) {
    case 'sequence': {
      // Only a valid count builds the class list: a typed 1e10 (which the analysis names as the
      // problem) would otherwise build billions of names and blank the page; the default stands in.
      const symbols = inSymbolRange(choice?.vocabularySize)
        ? choice.vocabularySize
        : base.classes.length;
      return {
        ...base,
        inputShape: [length],
        classes: digits(symbols),
        classesZh: undefined,
        inputIsTokens: true,
        vocabSize: symbols,
      };
    }
    case 'text': {
      const cap = choice?.vocabularySize ?? entry.vocabularySize ?? 10000;
      return { ...base, inputShape: [length], inputIsTokens: true, vocabSize: cap };
    }
    case 'corpus':
      return {
        ...base,
        inputShape: [length],
        inputIsTokens: true,
        vocabSize: base.classes.length,
      };
    case 'points2d':
    case 'function1d':
    case 'images':
    case 'table':
      return base;
  }
}

export function userInfo(entry: UserDatasetEntry): DatasetInfo {
  return {
    id: entry.id,
    origin: 'user',
    kind: entry.kind,
    task: entry.task,
    name: entry.name,
    inputShape: entry.inputShape,
    classes: entry.classes,
    inputIsTokens: false,
  };
}

/**
 * The info for a choice, looking in the manifest and then in the user's datasets; null when the
 * id is neither (e.g. a user dataset deleted in another tab).
 */
export function resolveDataset(
  choice: DatasetChoice,
  userDatasets: readonly UserDatasetEntry[] = [],
): DatasetInfo | null {
  const entry = byId.get(choice.id);
  if (entry) return builtinInfo(entry, choice);
  const user = userDatasets.find((d) => d.id === choice.id);
  return user ? userInfo(user) : null;
}

/** The settings a dataset starts with when the user picks it. */
export function defaultChoiceFor(
  id: string,
  previous?: DatasetChoice,
): Omit<DatasetChoice, 'noise' | 'augment'> {
  const entry = byId.get(id);
  const generated = entry && ['points2d', 'function1d', 'sequence'].includes(entry.kind);
  return {
    id,
    samples: generated ? entry.samples : (previous?.samples ?? 600),
    sequenceLength:
      entry && ['sequence', 'text', 'corpus'].includes(entry.kind)
        ? (entry.inputShape[0] ?? 8)
        : (previous?.sequenceLength ?? 8),
    vocabularySize:
      entry?.kind === 'sequence'
        ? entryClasses(entry).length
        : entry?.kind === 'text'
          ? (entry.vocabularySize ?? 10000)
          : (previous?.vocabularySize ?? 10),
  };
}

/** Built-in info by id with default settings, for tests and presets. */
export function builtinDataset(id: string): DatasetInfo {
  const entry = byId.get(id);
  if (!entry) throw new Error(`No built-in dataset "${id}".`);
  return builtinInfo(entry);
}
