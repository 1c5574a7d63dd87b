// Delimited text (CSV, TSV, semicolon CSV) as spreadsheets write it: RFC 4180 quoting, CRLF or LF
// or CR line ends, an optional byte-order mark. Pure (no DOM, no Node), so the extension's pages
// and the node tools read spreadsheets the same way.

export type Delimiter = ',' | '\t' | ';';

/** A record that could not be read exactly as written; `row` is its 1-based spreadsheet row. */
export interface CsvProblem {
  row: number;
  message: string;
}

export interface CsvTable {
  /** One entry per record; records[0] is spreadsheet row 1. Blank lines are `['']`. */
  records: string[][];
  problems: CsvProblem[];
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Drops a leading byte-order mark, as spreadsheet programs write one into UTF-8 exports. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The delimiter of the first line (read outside quotes): a tab when there is one (TSV), else a
 * semicolon when there are more of those than commas (spreadsheets in many locales), else a comma.
 */
export function detectDelimiter(text: string): Delimiter {
  const body = withoutBom(text);
  let tabs = 0;
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (code === CR || code === LF) break;
    else if (code === 0x09) tabs++;
    else if (code === 0x2c) commas++;
    else if (code === 0x3b) semicolons++;
  }
  if (tabs > 0) return '\t';
  return semicolons > commas ? ';' : ',';
}

/** Parses delimited text into records of fields. Never throws; odd quoting is reported per row. */
export function parseDelimited(
  text: string,
  delimiter: Delimiter = detectDelimiter(text),
): CsvTable {
  const body = withoutBom(text);
  const separator = delimiter.charCodeAt(0);
  const records: string[][] = [];
  const problems: CsvProblem[] = [];
  const length = body.length;
  let record: string[] = [];
  let i = 0;

  const endRecord = () => {
    records.push(record);
    record = [];
  };
  /** Consumes a line end at `i` (CRLF counts once); true when there was one. */
  const lineEnd = (): boolean => {
    const code = body.charCodeAt(i);
    if (code === LF) {
      i++;
      return true;
    }
    if (code === CR) {
      i += body.charCodeAt(i + 1) === LF ? 2 : 1;
      return true;
    }
    return false;
  };

  while (i < length) {
    // At the start of a field.
    let field: string;
    if (body.charCodeAt(i) === QUOTE) {
      const row = records.length + 1;
      let value = '';
      let from = i + 1;
      let closed = false;
      for (;;) {
        const quote = body.indexOf('"', from);
        if (quote < 0) {
          value += body.slice(from);
          i = length;
          break;
        }
        value += body.slice(from, quote);
        if (body.charCodeAt(quote + 1) === QUOTE) {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        closed = true;
        break;
      }
      if (!closed) {
        problems.push({ row, message: 'a quoted value is never closed (a " is missing)' });
      } else if (i < length && body.charCodeAt(i) !== separator && !isLineEnd(body, i)) {
        // `"abc"def`: kept as written after the quotes, and reported.
        const rest = scanUnquoted(body, i, separator);
        value += body.slice(i, rest);
        i = rest;
        problems.push({ row, message: 'text follows a closing quote in the same value' });
      }
      field = value;
    } else {
      const end = scanUnquoted(body, i, separator);
      field = body.slice(i, end);
      i = end;
    }
    record.push(field);
    if (i >= length) break;
    if (body.charCodeAt(i) === separator) {
      i++;
      // A delimiter at the very end still opens one last, empty field.
      if (i >= length) record.push('');
      continue;
    }
    lineEnd();
    endRecord();
  }
  if (record.length > 0) endRecord();
  return { records, problems };
}

function isLineEnd(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code === CR || code === LF;
}

/** The index where an unquoted value starting at `from` ends (delimiter, line end or the end). */
function scanUnquoted(text: string, from: number, separator: number): number {
  let at = from;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === separator || code === CR || code === LF) break;
    at++;
  }
  return at;
}

/** Writes records so parseDelimited reads them back exactly (quoting only where needed). */
export function formatDelimited(
  records: readonly (readonly string[])[],
  delimiter: Delimiter = ',',
): string {
  const needsQuotes = (value: string) =>
    value.includes('"') ||
    value.includes(delimiter) ||
    value.includes('\n') ||
    value.includes('\r');
  return records
    .map((record) => {
      // A record of one empty value would otherwise be a blank line, and a last blank line vanishes.
      if (record.length === 1 && record[0] === '') return '""';
      return record
        .map((value) => (needsQuotes(value) ? `"${value.replace(/"/g, '""')}"` : value))
        .join(delimiter);
    })
    .join('\r\n');
}
