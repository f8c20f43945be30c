/** Short numbers for tooltips and cell text: counts stay whole, the rest keep 3 significant digits. */
export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 1e6) return String(value);
  if (abs !== 0 && (abs < 1e-3 || abs >= 1e5)) return value.toExponential(2);
  return String(Number(value.toPrecision(3)));
}

/** The hover text of a matrix cell: "row label → col label: value", with indices for missing labels. */
export function describeCell(
  row: number,
  col: number,
  value: number,
  rowLabels?: readonly string[],
  colLabels?: readonly string[],
): string {
  const r = rowLabels?.[row] ?? `row ${row}`;
  const c = colLabels?.[col] ?? `col ${col}`;
  return `${r} → ${c}: ${formatValue(value)}`;
}

/** The hover text of a hidden state: "t 3 (cat) · unit 5: 0.42". */
export function describeStep(
  step: number,
  unit: number,
  value: number,
  stepLabels?: readonly string[],
): string {
  const token = stepLabels?.[step];
  return `t ${step}${token === undefined ? '' : ` (${token})`} · unit ${unit}: ${formatValue(value)}`;
}
