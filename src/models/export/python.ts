/**
 * Writing Python source from TypeScript: literals that are always valid Python, comments that
 * cannot break out of their line, and shape notes for the generated code's comments.
 */
import type { Shape } from '../spec';

/** Thrown when a design cannot be written as a program; the message names the layer. */
export class ExportError extends Error {
  override name = 'ExportError';
}

/**
 * A single-quoted Python string literal. JSON's escapes (\\ \n \uXXXX …) all mean the same in
 * Python; only the quote changes: JSON's \" becomes a plain ", and ' is escaped.
 */
export function pyStr(text: string): string {
  const inner = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${inner}'`;
}

/** A Python number; whole numbers keep a ".0" where a float is meant, so the code reads right. */
export function pyFloat(value: number): string {
  if (!Number.isFinite(value)) throw new ExportError(`Cannot write ${value} as a Python number.`);
  const text = String(value); // "1e-7", "0.001", "3", "1e+21": all valid Python
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

export function pyInt(value: number): string {
  if (!Number.isInteger(value)) throw new ExportError(`Expected a whole number, not ${value}.`);
  return String(value);
}

export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** A tuple of whole numbers: (8,) for one element. */
export function pyTuple(values: readonly number[]): string {
  const items = values.map(pyInt);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** Text safe inside a `#` comment: one line, no control characters. */
export function pyComment(text: string): string {
  // Control characters (code points below 32, and 127) and Unicode line breaks would end the line.
  const oneLine = Array.from(text, (c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 32 || code === 127 || c === '\u2028' || c === '\u2029' ? ' ' : c;
  }).join('');
  return oneLine.replace(/ +/g, ' ').trim();
}

/** A batch shape for comments: [B, 28, 28, 1]. */
export function batchShape(shape: Shape): string {
  return `[B, ${shape.join(', ')}]`;
}

/** Indents every non-empty line of a block by `levels` × 4 spaces. */
export function indent(lines: readonly string[], levels: number): string[] {
  const pad = ' '.repeat(4 * levels);
  return lines.map((line) => (line === '' ? line : pad + line));
}

/** Joins program sections with one blank line between them, two before top-level definitions. */
export function joinSections(sections: readonly (readonly string[])[]): string {
  return `${sections
    .filter((s) => s.length > 0)
    .map((s) => s.join('\n'))
    .join('\n\n\n')}\n`;
}

/**
 * The import lines a program needs: each line is kept when its name is used in `body`
 * (e.g. `F.` for torch.nn.functional), so a program imports nothing it does not use.
 */
export function neededImports(
  imports: readonly { line: string; usedAs?: string }[],
  body: string,
): string[] {
  return imports
    .filter(({ usedAs }) => usedAs === undefined || new RegExp(`\\b${usedAs}\\.`).test(body))
    .map(({ line }) => line);
}
