/**
 * Turns a parsed table into model inputs and labels: numeric columns standardised, text columns
 * one-hot encoded, gaps filled or rows dropped, and every such decision written into the notes so
 * the student can see what the model will actually be given.
 */
import { message, type Message } from '../../shared/messages/message';
import { countLabels } from '../split';
import { compareNatural, describeClasses } from './classes';
import { categoryKey, describeColumn, isMissing, parseNumber, type ColumnSummary } from './columns';
import { atLine, type Table } from './csv';
import { checkInputValues } from './limits';
import { stemName } from './paths';
import { DEFAULT_IMPORT_SEED, shuffleNote, shuffleSamples } from './shuffle';
import { dataProblem, ImportError, type ImportTask, type ImportedDataset } from './types';

export interface TableOptions {
  /** The column the model learns to predict. */
  labelColumn: string;
  /** The model's inputs, in this order. Default: every other usable column, in table order. */
  featureColumns?: string[] | undefined;
  /**
   * Default: classification when the label holds text or at most CLASSIFICATION_MAX_DISTINCT
   * different numbers, regression otherwise (see ColumnSummary.defaultTask).
   */
  task?: ImportTask | undefined;
  /** Seed of the sample shuffle. Default: DEFAULT_IMPORT_SEED. */
  seed?: number | undefined;
  /** A built-in table's class names in Chinese, for the note that lists the classes. */
  classesZh?: readonly string[] | undefined;
}

/** A text column with more different values than this is refused as an input (IDs, names). */
export const MAX_CATEGORIES = 50;

/** One input column and how its values become model inputs. */
interface Encoder {
  /** One name per model input: the column name, or "column=value" for one-hot inputs. */
  names: string[];
  /** Per input: raw = x * std + mean (one-hot inputs: mean 0, std 1). */
  mean: number[];
  std: number[];
  /** Writes the inputs of sample `sample` (an index into the rows in use) at out[offset ...]. */
  write(sample: number, out: Float32Array, offset: number): void;
}

/** Builds the dataset; throws ImportError (naming the file, and the line where there is one). */
export function tableToDataset(table: Table, options: TableOptions): ImportedDataset {
  const notes = [
    message('data.note.readTable', { rows: table.rows.length, columns: table.header.length }),
  ];
  const labelIndex = findColumn(table, options.labelColumn);
  const label = describeColumn(table, labelIndex);
  if (label.kind === 'empty') {
    throw new ImportError(
      table.name,
      dataProblem('dataImport.csv.emptyLabel', { name: label.name }),
    );
  }
  const task = options.task ?? label.defaultTask;
  notes.push(describeTaskChoice(label, task, options.task !== undefined));
  const features = chooseFeatures(table, labelIndex, options.featureColumns, notes);

  // Rows without a label cannot be learned from; rows with missing inputs can (filled below).
  const kept: number[] = [];
  const droppedLines: number[] = [];
  table.rows.forEach((row, r) => {
    if (isMissing(row[labelIndex] ?? '')) droppedLines.push(table.lines[r] ?? 0);
    else kept.push(r);
  });
  if (droppedLines.length > 0) {
    const values = {
      rows: droppedLines.length,
      name: label.name,
      lines: droppedLines.slice(0, 5).join(', '),
    };
    notes.push(
      message(
        droppedLines.length > 5 ? 'data.note.droppedRowsMore' : 'data.note.droppedRows',
        values,
      ),
    );
  }
  const rows = kept.map((r) => table.rows[r] ?? []);

  const labels =
    task === 'classification'
      ? classLabels(table, label, labelIndex, rows, options.classesZh)
      : regressionTargets(table, label.name, labelIndex, kept);
  notes.push(labels.note);

  const encoders = features.map((index) => makeEncoder(table, index, rows, notes));
  const featureNames = encoders.flatMap((e) => e.names);
  const width = featureNames.length;
  notes.push(message('data.note.inputs', { inputs: width, columns: encoders.length }));
  checkInputValues(table.name, rows.length * width, dataProblem('dataImport.hint.fewerRows'));

  // x: [count, width], one row's encoded columns side by side.
  const x = new Float32Array(rows.length * width);
  for (let i = 0; i < rows.length; i++) {
    let offset = i * width;
    for (const encoder of encoders) {
      encoder.write(i, x, offset);
      offset += encoder.names.length;
    }
  }

  const seed = options.seed ?? DEFAULT_IMPORT_SEED;
  notes.push(shuffleNote(seed));
  return {
    name: stemName(table.name),
    format: 'csv',
    task,
    inputShape: [width],
    classes: labels.classes,
    data: shuffleSamples({ x, y: labels.y, count: rows.length }, seed),
    normalization: {
      kind: 'standardize',
      mean: encoders.flatMap((e) => e.mean),
      std: encoders.flatMap((e) => e.std),
    },
    featureNames,
    notes,
  };
}

function findColumn(table: Table, name: string): number {
  const index = table.header.indexOf(name);
  if (index < 0) {
    throw new ImportError(
      table.name,
      dataProblem('dataImport.csv.noSuchColumn', { name, columns: table.header.join(', ') }),
    );
  }
  return index;
}

/** Says which task was picked and, when LayerLab picked it, why and how to pick the other. */
function describeTaskChoice(label: ColumnSummary, task: ImportTask, chosen: boolean): Message {
  const { name, distinct } = label;
  if (chosen)
    return task === 'classification'
      ? message('data.note.labelChosenClassification', { name })
      : message('data.note.labelChosenRegression', { name });
  if (label.kind === 'categorical') return message('data.note.labelText', { name });
  return task === 'classification'
    ? message('data.note.labelFewValues', { name, distinct })
    : message('data.note.labelManyValues', { name, distinct });
}

/** The input columns, by index: the ones asked for (checked), or every usable other column. */
function chooseFeatures(
  table: Table,
  labelIndex: number,
  asked: readonly string[] | undefined,
  notes: Message[],
): number[] {
  const labelName = table.header[labelIndex] ?? '';
  if (asked === undefined) {
    const chosen: number[] = [];
    table.header.forEach((_, i) => {
      if (i === labelIndex) return;
      const summary = describeColumn(table, i);
      const unusable = whyUnusable(summary);
      if (unusable === null) chosen.push(i);
      else notes.push(message('data.note.leftOut', { name: summary.name, reason: unusable }));
    });
    if (chosen.length === 0) {
      throw new ImportError(
        table.name,
        dataProblem('dataImport.csv.noInputColumn', { label: labelName }),
      );
    }
    return chosen;
  }

  if (asked.length === 0)
    throw new ImportError(table.name, dataProblem('dataImport.csv.chooseInput'));
  const seen = new Set<string>();
  return asked.map((name) => {
    if (name === labelName) {
      throw new ImportError(table.name, dataProblem('dataImport.csv.labelAsInput', { name }));
    }
    if (seen.has(name))
      throw new ImportError(table.name, dataProblem('dataImport.csv.chosenTwice', { name }));
    seen.add(name);
    const index = findColumn(table, name);
    const unusable = whyUnusable(describeColumn(table, index));
    if (unusable !== null)
      throw new ImportError(
        table.name,
        dataProblem('dataImport.csv.unusableInput', { name, reason: unusable }),
      );
    return index;
  });
}

/** Why a column cannot be an input, or null when it can. */
function whyUnusable(summary: ColumnSummary): Message | null {
  if (summary.kind === 'empty') return dataProblem('dataImport.csv.columnEmpty');
  if (summary.kind === 'categorical' && summary.distinct > MAX_CATEGORIES) {
    const examples = summary.examples
      .slice(0, 3)
      .map((e) => `"${e}"`)
      .join(', ');
    return dataProblem('dataImport.csv.tooManyCategories', { count: summary.distinct, examples });
  }
  return null;
}

interface Labels {
  y: Int32Array | Float32Array;
  classes: string[];
  note: Message;
}

/** Class ids by natural order of the label values; a numeric label's "1" and "1.0" are one class. */
function classLabels(
  table: Table,
  label: ColumnSummary,
  labelIndex: number,
  rows: readonly (readonly string[])[],
  classesZh: readonly string[] | undefined,
): Labels {
  const numeric = label.kind === 'numeric';
  const keys = rows.map((row) => categoryKey(row[labelIndex] ?? '', numeric));
  const classes = [...new Set(keys)].sort(compareNatural);
  if (classes.length < 2) {
    throw new ImportError(
      table.name,
      dataProblem('dataImport.csv.oneClass', { name: label.name, value: classes[0] ?? '' }),
    );
  }
  const ids = new Map(classes.map((name, id) => [name, id]));
  const y = Int32Array.from(keys, (key) => ids.get(key) ?? 0);
  const counts = countLabels(y, classes.length);
  return { y, classes, note: describeClasses(classes, counts, classesZh) };
}

/** Targets [count, 1] in their own units; a non-number is an error naming its line. */
function regressionTargets(table: Table, name: string, labelIndex: number, kept: number[]): Labels {
  const y = new Float32Array(kept.length);
  let min = Infinity;
  let max = -Infinity;
  kept.forEach((r, i) => {
    const raw = table.rows[r]?.[labelIndex] ?? '';
    const value = parseNumber(raw);
    if (value === null) {
      throw new ImportError(
        table.name,
        dataProblem('dataImport.csv.notANumber', { name, value: raw }),
        atLine(table.lines[r] ?? '?'),
      );
    }
    y[i] = value;
    min = Math.min(min, value);
    max = Math.max(max, value);
  });
  return {
    y,
    classes: [name],
    note: message('data.note.targets', { min: formatNumber(min), max: formatNumber(max) }),
  };
}

function makeEncoder(
  table: Table,
  index: number,
  rows: readonly (readonly string[])[],
  notes: Message[],
): Encoder {
  const name = table.header[index] ?? '';
  // Decided on the rows in use, so a column whose only text sat in dropped rows counts as numeric.
  // Parsed once per row: NaN marks a missing value, null a value that is not a number.
  const values = rows.map((row) => row[index] ?? '');
  const numbers = values.map((value) => (isMissing(value) ? NaN : parseNumber(value)));
  const missing = numbers.filter((n) => Number.isNaN(n)).length;
  if (missing === rows.length) {
    throw new ImportError(table.name, dataProblem('dataImport.csv.noValues', { name }));
  }
  return numbers.every((n) => n !== null)
    ? numericEncoder(name, numbers, missing, notes)
    : oneHotEncoder(name, values, missing, notes);
}

/**
 * One standardised input: (raw - mean) / std. A missing value stays NaN here: each run fills it
 * with the mean of its own training rows (trainingScale.ts), which the import cannot know.
 */
function numericEncoder(
  name: string,
  numbers: readonly number[],
  missing: number,
  notes: Message[],
): Encoder {
  const present = numbers.filter((n) => !Number.isNaN(n));
  const mean = present.reduce((a, b) => a + b, 0) / present.length;
  const variance = present.reduce((a, b) => a + (b - mean) ** 2, 0) / present.length;
  // A constant column would divide by zero; with std 1 it becomes all zeros, which is harmless.
  const std = variance > 0 ? Math.sqrt(variance) : 1;
  if (variance === 0) {
    notes.push(message('data.note.constantColumn', { name, value: formatNumber(mean) }));
  }
  if (missing > 0) notes.push(message('data.note.filledWithTrainingMean', { name, missing }));
  const standardised = Float32Array.from(numbers, (n) => (n - mean) / std);
  return {
    names: [name],
    mean: [mean],
    std: [std],
    write(sample, out, offset) {
      out[offset] = standardised[sample] ?? 0;
    },
  };
}

/** One 0/1 input per category, in natural order; a missing value sets none of them. */
function oneHotEncoder(
  name: string,
  values: readonly string[],
  missing: number,
  notes: Message[],
): Encoder {
  const present = new Set(values.filter((value) => !isMissing(value)));
  const categories = [...present].sort(compareNatural);
  const position = new Map(categories.map((category, i) => [category, i]));
  if (missing > 0) {
    notes.push(message('data.note.filledAsNone', { name, missing }));
  }
  return {
    names: categories.map((category) => `${name}=${category}`),
    mean: categories.map(() => 0),
    std: categories.map(() => 1),
    write(sample, out, offset) {
      const at = position.get(values[sample] ?? '');
      if (at !== undefined) out[offset + at] = 1;
    },
  };
}

/** Short but honest: 29.6991 → "29.7", 0.012345 → "0.01235", 24000.5 → "24000.5". */
function formatNumber(value: number): string {
  // Four significant digits, except that large numbers keep their whole part and one decimal.
  return String(Number(Math.abs(value) >= 1e3 ? value.toFixed(1) : value.toPrecision(4)));
}
