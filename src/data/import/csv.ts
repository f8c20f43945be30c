/**
 * Reads a delimited text table (.csv, .tsv, .txt) into a header and rows of strings. Papa Parse
 * does the quoting rules; this file adds what a student needs: line numbers in every message,
 * and refusing tables the encoder would misread (ragged rows, nameless or repeated columns).
 */
import { message, type Message } from '../../shared/messages/message';
import Papa, { type ParseError } from 'papaparse';
import { decodeText } from './limits';
import { extension } from './paths';
import { dataProblem, ImportError, type FileEntry } from './types';

/** A parsed table: every row has exactly `header.length` fields, all trimmed. */
export interface Table {
  /** The file it came from, for messages. */
  name: string;
  header: string[];
  rows: string[][];
  /** The 1-based line of the file each row starts on (quoted values may span lines). */
  lines: number[];
}

/** Decodes and parses an uploaded table file; throws ImportError naming the file and line. */
export function parseTable(file: FileEntry): Table {
  // Tab-separated files are declared by their extension; anything else is guessed by Papa Parse
  // (comma, tab, semicolon or pipe), so a European ";" export works too.
  const delimiter = extension(file.name) === 'tsv' ? '\t' : '';
  return parseTableText(file.name, decodeText(file), delimiter);
}

/** Parses table text; `delimiter` '' guesses it. */
export function parseTableText(name: string, text: string, delimiter = ''): Table {
  if (text.trim() === '') throw new ImportError(name, dataProblem('dataImport.csv.empty'));

  const records: string[][] = [];
  const lines: number[] = [];
  // Set inside the step callback; the cast keeps TypeScript from assuming it stays null.
  let problem = null as ImportError | null;
  // Papa Parse reports where each row ends (meta.cursor); counting newlines up to there gives
  // line numbers that stay right when a quoted value spans several lines.
  let cursor = 0;
  let line = 1;
  const advanceTo = (to: number) => {
    for (let i = text.indexOf('\n', cursor); i !== -1 && i < to; i = text.indexOf('\n', i + 1))
      line++;
    cursor = to;
  };

  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      // Blank lines before the row were skipped by the parser: move past them to its first line.
      let start = cursor;
      while (start < text.length && /\s/.test(text.charAt(start))) start++;
      advanceTo(start);
      const rowLine = line;
      advanceTo(result.meta.cursor);
      // A single-column file has no delimiter to detect; that is fine, the comma default is right.
      const error = result.errors.find((e) => e.code !== 'UndetectableDelimiter');
      if (error !== undefined) {
        problem = new ImportError(name, describeParseError(error), atLine(rowLine));
        parser.abort();
        return;
      }
      records.push(result.data.map((field) => field.trim()));
      lines.push(rowLine);
    },
  });
  if (problem !== null) throw problem;

  const [header, ...rows] = records;
  const headerLine = lines[0] ?? 1;
  if (header === undefined) throw new ImportError(name, dataProblem('dataImport.csv.empty'));
  checkHeader(name, header, headerLine);
  if (rows.length === 0) {
    throw new ImportError(
      name,
      dataProblem('dataImport.csv.noRows', { header: header.join(', ') }),
      atLine(headerLine),
    );
  }
  rows.forEach((row, i) => {
    if (row.length !== header.length) {
      throw new ImportError(
        name,
        dataProblem(
          row.length > header.length
            ? 'dataImport.csv.tooManyFields'
            : 'dataImport.csv.tooFewFields',
          { expected: header.length, found: row.length },
        ),
        atLine(lines[i + 1] ?? '?'),
      );
    }
  });
  return { name, header, rows, lines: lines.slice(1) };
}

/** Column names identify columns in the UI and in featureNames: each must be present and unique. */
function checkHeader(name: string, header: string[], headerLine: number): void {
  const where = message('data.where.headerLine', { line: headerLine });
  const seen = new Map<string, number>();
  header.forEach((column, i) => {
    if (column === '') {
      throw new ImportError(
        name,
        dataProblem('dataImport.csv.unnamedColumn', { column: i + 1 }),
        where,
      );
    }
    const first = seen.get(column);
    if (first !== undefined) {
      throw new ImportError(
        name,
        dataProblem('dataImport.csv.duplicateColumn', {
          first: first + 1,
          second: i + 1,
          name: column,
        }),
        where,
      );
    }
    seen.set(column, i);
  });
}

/** Papa Parse's messages, reworded for someone who has never heard of RFC 4180. */
function describeParseError(error: ParseError): Message {
  switch (error.code) {
    case 'MissingQuotes':
      return dataProblem('dataImport.csv.unclosedQuote');
    case 'InvalidQuotes':
      return dataProblem('dataImport.csv.textAfterQuote');
    default:
      return dataProblem('dataImport.csv.parser', { text: error.message.replace(/\.$/, '') });
  }
}

/** "line 12", where a problem is in a table. */
export const atLine = (line: number | string): Message => message('data.where.line', { line });
