// Spreadsheets of participants for the pack:from-csv tests (and the builder page's, later): a
// good one of any length with every column the format takes (so pack:check has nothing to warn
// about), and the same with chosen rows broken in one cell each.
import { formatDelimited, type Delimiter } from '../../../core/csv';

export const HEADER = [
  'Name',
  'Kind',
  'Role',
  'Status',
  'Instagram',
  'Facebook',
  'Confidence',
  'Action',
  'Action date',
  'Action event',
  'Source URL',
  'Source publisher',
  'Source title',
  'Source date',
  'Source kind',
];

/** Data row `i` (0-based; spreadsheet row i + 2): a participant of its own, every cell valid. */
export function goodRow(i: number): string[] {
  const n = String(i).padStart(3, '0');
  const kinds = ['person', 'Brand', 'organization'];
  return [
    // Commas, quotes and accents in names: they must survive quoting and come out exactly.
    i % 7 === 0 ? `Café "Nº ${n}", Ltd` : `Participant ${n}`,
    kinds[i % 3]!,
    i % 5 === 0 ? 'Coalition member' : 'participant',
    i % 2 === 0 ? 'Took part' : '',
    `member_${n}`,
    i % 4 === 0 ? `https://www.facebook.com/member.page.${n}/` : i % 4 === 1 ? `10000${n}123` : '',
    i % 9 === 4 ? 'Likely' : 'verified',
    i % 3 === 0 ? `Withheld rent for flat ${n}` : '',
    i % 3 === 0 ? '2026-12-01' : '',
    i % 6 === 0 ? 'strike-day' : '',
    `https://news.example.com/story/${Math.floor(i / 10)}`,
    'Example News',
    `Tenants strike, part ${Math.floor(i / 10)}`,
    '2026-12-01',
    'Major outlet',
  ];
}

/** Breaks one cell of a row the way people do: a bad handle, an http link, an impossible date. */
export const BREAKS = {
  instagram: {
    column: 'Instagram',
    value: 'not a handle!',
    message: 'not a valid Instagram username',
  },
  sourceUrl: {
    column: 'Source URL',
    value: 'http://news.example.com/x',
    message: 'not an https:// URL',
  },
  sourceDate: {
    column: 'Source date',
    value: '2026-02-30',
    message: 'not a date (YYYY-MM-DD) or an RFC 3339 date-time',
  },
} as const;

export type BreakKind = keyof typeof BREAKS;

/**
 * `rows` data rows after the header; `broken` maps spreadsheet row numbers (2 = first data row)
 * to the cell broken there. Broken rows cite a source URL of their own, so that nothing but the
 * one broken cell is wrong.
 */
export function peopleSheet(
  rows: number,
  broken: Record<number, BreakKind> = {},
  delimiter: Delimiter = ',',
): string {
  const records = [HEADER];
  for (let i = 0; i < rows; i++) {
    const row = goodRow(i);
    const kind = broken[i + 2];
    if (kind) {
      row[HEADER.indexOf('Source URL')] = `https://news.example.com/own/${i}`;
      const { column, value } = BREAKS[kind];
      row[HEADER.indexOf(column)] = value;
    }
    records.push(row);
  }
  return formatDelimited(records, delimiter) + '\r\n';
}
