/**
 * What each table column holds, before anything is imported: the UI shows this so the student can
 * pick the label and the inputs knowing which columns are numbers, which are categories and
 * which have gaps. tableToDataset uses the same rules, so the preview never disagrees with it.
 */
import type { Table } from './csv';
import type { ImportTask } from './types';

/** Values that mean "unknown" in common exports (R, pandas, Weka, databases), compared lower-case. */
export const MISSING_MARKERS: readonly string[] = ['', 'na', 'n/a', 'nan', '?', 'null'];

/** A numeric label with at most this many distinct values is taken as classes by default. */
export const CLASSIFICATION_MAX_DISTINCT = 20;

const missing = new Set(MISSING_MARKERS);

export function isMissing(value: string): boolean {
  return missing.has(value.toLowerCase());
}

// Plain decimal numbers only: Number() would also accept "0x1F", "Infinity" and "" (as 0).
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a field holds, or null when it is not a plain decimal number. */
export function parseNumber(value: string): number | null {
  return NUMBER.test(value) ? Number(value) : null;
}

/** The key two values share when they are the same category ("1" and "1.0" in a numeric column). */
export function categoryKey(value: string, numeric: boolean): string {
  return numeric ? String(Number(value)) : value;
}

export type ColumnKind =
  /** Every present value is a number. */
  | 'numeric'
  /** Some present value is not a number: used as categories (one-hot, or class names). */
  | 'categorical'
  /** Every value is missing: the column cannot be used. */
  | 'empty';

export interface ColumnSummary {
  name: string;
  kind: ColumnKind;
  /** Different present values (numeric columns: different numbers). */
  distinct: number;
  /** Missing values (see MISSING_MARKERS). */
  missing: number;
  /** Up to five different present values, in the order they first appear. */
  examples: string[];
  /** The task tableToDataset picks when this column is the label and no task is given. */
  defaultTask: ImportTask;
}

/** One summary per column, in header order. */
export function describeColumns(table: Table): ColumnSummary[] {
  return table.header.map((_, i) => describeColumn(table, i));
}

/** The summary of column `index` over all rows. */
export function describeColumn(table: Table, index: number): ColumnSummary {
  let missingCount = 0;
  let numeric = true;
  // Distinct texts first: far fewer than rows, so the numeric keys below are cheap to make.
  const texts = new Set<string>();
  for (const row of table.rows) {
    const value = row[index] ?? '';
    if (isMissing(value)) missingCount++;
    else if (!texts.has(value)) {
      texts.add(value);
      if (numeric && parseNumber(value) === null) numeric = false;
    }
  }
  const kind: ColumnKind = texts.size === 0 ? 'empty' : numeric ? 'numeric' : 'categorical';
  const distinct = numeric ? new Set([...texts].map((v) => categoryKey(v, true))).size : texts.size;
  return {
    name: table.header[index] ?? '',
    kind,
    distinct,
    missing: missingCount,
    // Sets keep insertion order: these are the first five different values in the file.
    examples: [...texts].slice(0, 5),
    defaultTask:
      kind === 'numeric' && distinct > CLASSIFICATION_MAX_DISTINCT
        ? 'regression'
        : 'classification',
  };
}
