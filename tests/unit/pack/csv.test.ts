// Reading spreadsheets' delimited text: RFC 4180 quoting, every line end, a byte-order mark,
// the delimiter found from the header; and a fast-check round trip of any quoted values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectDelimiter,
  formatDelimited,
  parseDelimited,
  type Delimiter,
} from '../../../core/csv';

describe('parseDelimited', () => {
  it('reads quoted values with delimiters, doubled quotes and line breaks inside', () => {
    const text = 'name,note\r\n"Smith, Jane","She said ""no""\r\nthen left"\r\nplain,x\r\n';
    expect(parseDelimited(text, ',')).toEqual({
      records: [
        ['name', 'note'],
        ['Smith, Jane', 'She said "no"\r\nthen left'],
        ['plain', 'x'],
      ],
      problems: [],
    });
  });

  it('takes LF, CRLF and lone CR line ends, and no last record after a final line end', () => {
    expect(parseDelimited('a,b\nc,d\r\ne,f\rg,h\n', ',').records).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('drops a byte-order mark and keeps empty values and blank lines (as rows)', () => {
    expect(parseDelimited('\uFEFFa,,b,\n\n,\n', ',').records).toEqual([
      ['a', '', 'b', ''],
      [''],
      ['', ''],
    ]);
    expect(parseDelimited('', ',').records).toEqual([]);
  });

  it('reads TSV and semicolon CSV', () => {
    expect(parseDelimited('a\tb, c\n"x\ty"\t2', '\t').records).toEqual([
      ['a', 'b, c'],
      ['x\ty', '2'],
    ]);
    expect(parseDelimited('a;b,c\n1;"2;3"', ';').records).toEqual([
      ['a', 'b,c'],
      ['1', '2;3'],
    ]);
  });

  it('keeps a quote inside an unquoted value as written', () => {
    expect(parseDelimited('5" screen,ok', ',')).toEqual({
      records: [['5" screen', 'ok']],
      problems: [],
    });
  });

  it('reports an unclosed quote and text after a closing quote at their rows', () => {
    const table = parseDelimited('h1,h2\n"ok"x,b\nc,"never closed\nd,e\n', ',');
    expect(table.records[1]).toEqual(['okx', 'b']);
    expect(table.records[2]).toEqual(['c', 'never closed\nd,e\n']);
    expect(table.problems).toEqual([
      { row: 2, message: 'text follows a closing quote in the same value' },
      { row: 3, message: 'a quoted value is never closed (a " is missing)' },
    ]);
  });

  it('counts rows by record, so a value over two lines is one spreadsheet row', () => {
    const table = parseDelimited('h\n"two\nlines"\n"bad"x\n', ',');
    expect(table.problems).toEqual([
      { row: 3, message: 'text follows a closing quote in the same value' },
    ]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['name,kind\tx', '\t'],
    ['name,kind,role', ','],
    ['name;kind;role', ';'],
    ['"a;b;c",d\nx;y;z;w', ','],
    ['\uFEFFname;kind,role;status', ';'],
    ['name', ','],
  ])('%j → %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('round trip (fast-check)', () => {
  const value = fc.string({
    unit: fc.constantFrom('a', 'Z', ' ', '"', ',', ';', '\t', '\r', '\n', 'é', '😀', '\u202e'),
    maxLength: 12,
  });
  const records = fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), {
    minLength: 1,
    maxLength: 8,
  });
  const delimiter = fc.constantFrom<Delimiter>(',', '\t', ';');

  it('parseDelimited(formatDelimited(records)) gives back every value exactly', () => {
    fc.assert(
      fc.property(records, delimiter, fc.boolean(), fc.boolean(), (rows, d, bom, finalLineEnd) => {
        const text =
          (bom ? '\uFEFF' : '') + formatDelimited(rows, d) + (finalLineEnd ? '\r\n' : '');
        expect(parseDelimited(text, d)).toEqual({ records: rows, problems: [] });
      }),
      { numRuns: 2000 },
    );
  });

  it('any text gives records and row-numbered problems, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '"', ',', '\n', '\r', '\t') }), (text) => {
        const table = parseDelimited(text);
        for (const problem of table.problems) {
          expect(problem.row).toBeGreaterThanOrEqual(1);
          expect(problem.row).toBeLessThanOrEqual(Math.max(1, table.records.length));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
