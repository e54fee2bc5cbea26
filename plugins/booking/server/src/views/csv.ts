/** A cell of a CSV file: text as it should read, a number, or nothing. */
export type CsvCell = string | number | null | undefined;

/**
 * A spreadsheet opens a cell that starts with one of these as a formula (and runs it): a name or a
 * note typed by a resident must never do that, so such text is shown with a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

const cellText = (cell: CsvCell): string => {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * RFC 4180 text (CRLF line ends) with a UTF-8 byte order mark, which Excel needs to read Chinese
 * as UTF-8 rather than the system's code page. Rows are padded to the same number of columns.
 */
export const toCsv = (rows: CsvCell[][]): string => {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return `\uFEFF${rows.map((r) => [...r, ...Array(width - r.length).fill('')].map(cellText).join(',')).join('\r\n')}\r\n`;
};

/** Answers a CSV download (the file name is ASCII; the content is UTF-8). */
export const sendCsv = (ctx: any, filename: string, rows: CsvCell[][]): void => {
  ctx.set('Content-Type', 'text/csv; charset=utf-8');
  ctx.set('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  ctx.body = toCsv(rows);
};
