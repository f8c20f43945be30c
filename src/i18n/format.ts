/**
 * Numbers as the current language writes them (Intl.NumberFormat). Only for text people read:
 * data-* attributes and anything a test or program parses keep plain numbers.
 */

export interface NumberFormats {
  /** Whole numbers with grouping: 12,345. */
  integer(value: number): string;
  /** A fixed number of decimals: decimal(0.12345, 4) → 0.1235. */
  decimal(value: number, digits: number): string;
  /** At most `digits` decimals, none written when not needed: upTo(1.5, 2) → 1.5, upTo(2, 2) → 2. */
  upTo(value: number, digits: number): string;
  /** `digits` significant digits, for values of any size: significant(0.000123, 2) → 0.00012. */
  significant(value: number, digits: number): string;
  /** A fraction as a percentage: percent(0.931, 1) → 93.1%. */
  percent(fraction: number, digits?: number): string;
}

const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

/** Non-finite values (a diverged loss) are shown as they are, never as "NaN%". */
function finite(value: number, format: (v: number) => string): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  return format(value);
}

export function numberFormats(locale: string): NumberFormats {
  return {
    integer: (value) =>
      finite(value, (v) => formatter(locale, { maximumFractionDigits: 0 }).format(v)),
    decimal: (value, digits) =>
      finite(value, (v) =>
        formatter(locale, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          useGrouping: false,
        }).format(v),
      ),
    upTo: (value, digits) =>
      finite(value, (v) =>
        formatter(locale, { maximumFractionDigits: digits, useGrouping: false }).format(v),
      ),
    significant: (value, digits) =>
      finite(value, (v) =>
        formatter(locale, { maximumSignificantDigits: digits, useGrouping: false }).format(v),
      ),
    percent: (fraction, digits = 1) =>
      finite(fraction, (v) =>
        formatter(locale, {
          style: 'percent',
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }).format(v),
      ),
  };
}
