/**
 * The part of Papa Parse that csv.ts uses, typed here instead of by @types/papaparse: that package
 * references Node's types, which would put Node's globals (process, Buffer, localStorage...) into
 * every program that reaches csv.ts, the page's, the worker's and the shared code's included, and
 * the per-runtime tsconfigs could no longer refuse them. tsconfig.base.json maps `papaparse` here.
 */

/** One problem Papa Parse met in a row. */
export interface ParseError {
  type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  code:
    'MissingQuotes' | 'UndetectableDelimiter' | 'TooFewFields' | 'TooManyFields' | 'InvalidQuotes';
  /** Papa Parse's own English sentence. */
  message: string;
  row?: number;
  index?: number;
}

/** What the step callback receives for one row. */
export interface ParseStepResult<T> {
  data: T;
  errors: ParseError[];
  /** `cursor`: the offset in the text where this row ends. */
  meta: {
    delimiter: string;
    linebreak: string;
    aborted: boolean;
    truncated: boolean;
    cursor: number;
  };
}

export interface Parser {
  abort(): void;
}

export interface ParseConfig<T> {
  /** '' guesses it. */
  delimiter?: string;
  skipEmptyLines?: boolean | 'greedy';
  step?: (result: ParseStepResult<T>, parser: Parser) => void;
}

declare const Papa: {
  parse<T>(text: string, config: ParseConfig<T>): void;
};
export default Papa;
