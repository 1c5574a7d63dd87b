// Turns raw runs into the metric list, the printed table and the BENCHMARKS.md section. Every
// metric carries its samples' summary; a metric with a budget says which statistic is compared
// and whether it passed. Nothing here measures: it only arranges what the scenarios measured.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { format as prettierFormat, resolveConfig } from 'prettier';
import type { Summary } from './stats';

export type Statistic = 'median' | 'p95' | 'max';

export interface Budget {
  statistic: Statistic;
  /** The measured statistic must be at most this. */
  limit: number;
  /** How the budget reads in the table, e.g. "median ≤ 16 ms". */
  text: string;
  /** null: not measurable in this run (e.g. the pack it is about never reached the database). */
  pass: boolean | null;
}

export interface Metric {
  id: string;
  label: string;
  unit: 'ms' | '%' | '×' | 'count' | 'bytes' | 'MB' | 'KB';
  summary: Summary;
  budgets: Budget[];
  /** One line on how it was measured or why it looks the way it does. */
  note?: string;
}

export function budget(statistic: Statistic, limit: number, text: string): Omit<Budget, 'pass'> {
  return { statistic, limit, text };
}

export function metric(
  id: string,
  label: string,
  unit: Metric['unit'],
  summary: Summary,
  budgets: Omit<Budget, 'pass'>[] = [],
  note?: string,
  { measurable = true } = {},
): Metric {
  return {
    id,
    label,
    unit,
    summary,
    note,
    budgets: budgets.map((b) => ({
      ...b,
      pass: !measurable
        ? null
        : Number.isFinite(summary[b.statistic]) && summary[b.statistic] <= b.limit,
    })),
  };
}

function formatValue(value: number, unit: Metric['unit']): string {
  if (!Number.isFinite(value)) return '—';
  switch (unit) {
    case 'ms':
      return value >= 100 ? value.toFixed(0) : value.toFixed(1);
    case '%':
      return value.toFixed(1);
    case '×':
      return value.toFixed(2);
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case 'bytes':
      return Math.round(value).toLocaleString('en-US');
    case 'MB':
    case 'KB':
      return value.toFixed(2);
  }
}

interface Row {
  metric: string;
  budget: string;
  median: string;
  p95: string;
  max: string;
  n: string;
  result: string;
}

function rows(metrics: Metric[]): Row[] {
  return metrics.map((m) => ({
    metric: `${m.label} (${m.unit})`,
    budget: m.budgets.map((b) => b.text).join('; ') || '',
    median: formatValue(m.summary.median, m.unit),
    p95: formatValue(m.summary.p95, m.unit),
    max: formatValue(m.summary.max, m.unit),
    n: String(m.summary.n),
    result: m.budgets.length
      ? m.budgets.map((b) => (b.pass === null ? 'N/A' : b.pass ? 'PASS' : 'MISS')).join(' / ')
      : '',
  }));
}

const HEADERS: Row = {
  metric: 'Metric',
  budget: 'Budget',
  median: 'median',
  p95: 'p95',
  max: 'max',
  n: 'n',
  result: 'Result',
};
const COLUMNS = Object.keys(HEADERS) as (keyof Row)[];
const NUMERIC = new Set<keyof Row>(['median', 'p95', 'max', 'n']);

/** A fixed-width table for the terminal. */
export function textTable(metrics: Metric[]): string {
  const all = [HEADERS, ...rows(metrics)];
  const widths = COLUMNS.map((c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Row) =>
    COLUMNS.map((c, i) => (NUMERIC.has(c) ? r[c].padStart(widths[i]!) : r[c].padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [
    line(HEADERS),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...all.slice(1).map(line),
  ].join('\n');
}

/** The same table in Markdown. */
export function markdownTable(metrics: Metric[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const out = [
    `| ${COLUMNS.map((c) => HEADERS[c]).join(' | ')} |`,
    `| ${COLUMNS.map((c) => (NUMERIC.has(c) ? '---:' : '---')).join(' | ')} |`,
  ];
  for (const row of rows(metrics))
    out.push(`| ${COLUMNS.map((c) => escape(row[c])).join(' | ')} |`);
  return out.join('\n');
}

export const RESULTS_START =
  '<!-- bench:results:start (written by `npm run bench`; edit outside) -->';
export const RESULTS_END = '<!-- bench:results:end -->';

/**
 * Replaces the generated section of BENCHMARKS.md (between the markers), keeping the written
 * explanation around it. Creates the markers at the end when they are missing.
 */
export async function updateBenchmarksMd(file: string, section: string): Promise<void> {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(RESULTS_START);
  const end = current.indexOf(RESULTS_END);
  const block = `${RESULTS_START}\n${section.trim()}\n${RESULTS_END}`;
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + block + current.slice(end + RESULTS_END.length)
      : `${current.trimEnd()}\n\n${block}\n`;
  // Formatted as `npm run lint` (prettier --check) expects, tables aligned.
  const options = (await resolveConfig(file)) ?? {};
  writeFileSync(file, await prettierFormat(next, { ...options, filepath: file }));
}
