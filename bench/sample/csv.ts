/** UTF-8 byte order mark: Excel on Windows needs it to read Chinese text in a csv. */
export const BOM = '\uFEFF';

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double inner quotes. */
export function formatCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

/**
 * Rows to csv text with `\n` line ends and a final line end (no BOM).
 * @example formatCsv([['a', 'b,c']]) === 'a,"b,c"\n'
 */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(formatCsvField).join(',') + '\n').join('');
}
