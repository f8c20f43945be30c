/** Short numbers for tooltips and cell text: counts stay whole, the rest keep 3 significant digits. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 1e6) return String(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e5)) return value.toExponential(2);
  return String(Number(value.toPrecision(3)));
}

/** The words of a cell's hover text (the UI passes them in the page's language). */
export interface CellWords {
  row(index: number): string;
  col(index: number): string;
  cell(row: string, col: string, value: string): string;
}

const ENGLISH_CELL: CellWords = {
  row: (index) => `row ${index}`,
  col: (index) => `col ${index}`,
  cell: (row, col, value) => `${row} → ${col}: ${value}`,
};

/** The hover text of a matrix cell: "row label → col label: value", with indices for missing labels. */
export function describeCell(
  row: number,
  col: number,
  value: number,
  rowLabels?: readonly string[],
  colLabels?: readonly string[],
  words: CellWords = ENGLISH_CELL,
): string {
  const r = rowLabels?.[row] ?? words.row(row);
  const c = colLabels?.[col] ?? words.col(col);
  return words.cell(r, c, formatValue(value));
}

/** The words of a hidden state's hover text, with and without the step's token. */
export interface StepWords {
  withToken(step: number, token: string, unit: number, value: string): string;
  plain(step: number, unit: number, value: string): string;
}

const ENGLISH_STEP: StepWords = {
  withToken: (step, token, unit, value) => `t ${step} (${token}) · unit ${unit}: ${value}`,
  plain: (step, unit, value) => `t ${step} · unit ${unit}: ${value}`,
};

/** The hover text of a hidden state: "t 3 (cat) · unit 5: 0.42". */
export function describeStep(
  step: number,
  unit: number,
  value: number,
  stepLabels?: readonly string[],
  words: StepWords = ENGLISH_STEP,
): string {
  const token = stepLabels?.[step];
  return token === undefined
    ? words.plain(step, unit, formatValue(value))
    : words.withToken(step, token, unit, formatValue(value));
}
