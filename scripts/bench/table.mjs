/** Plain-text tables and number formats for the benchmark's report. */

/**
 * Rows of cells (the first row the header) as aligned columns. `align` has one letter per
 * column, l or r; figures read best right-aligned.
 */
export function table(rows, align) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  const line = (r) =>
    r
      .map((cell, c) => (align[c] === 'r' ? String(cell ?? '').padStart(widths[c]) : String(cell ?? '').padEnd(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function ms(value) {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return value < 10 ? `${value.toFixed(2)} ms` : value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

export function rps(value) {
  return value === undefined ? 'n/a' : Math.round(value).toLocaleString('en-US');
}

export function seconds(msValue) {
  return msValue === undefined ? 'n/a' : `${(msValue / 1000).toFixed(2)} s`;
}

export function mb(kB) {
  return kB === undefined ? 'n/a' : `${Math.round(kB / 1024)} MB`;
}

export function percent(ratio) {
  return ratio === undefined || Number.isNaN(ratio) ? 'n/a' : `${Math.round(ratio * 100)} %`;
}
