/** Markdown tables and number formatting for the README. */

/** A fraction as `0.947`; NaN (undefined rate) as an en dash. */
export function fmt(value: number, digits = 3): string {
  if (Number.isNaN(value)) return '–';
  if (value === Number.POSITIVE_INFINITY) return '∞';
  return value.toFixed(digits);
}

/** `a/b (0.947)`. */
export function fmtCount(a: number, b: number): string {
  return `${a}/${b} (${fmt(b === 0 ? Number.NaN : a / b)})`;
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(escape).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
