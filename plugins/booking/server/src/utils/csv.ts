import { stringify } from 'csv-stringify/sync';

/** A cell of a CSV file: text as it should read, a number, or nothing. */
export type CsvCell = string | number | null | undefined;

/** A sheet staff download: its (ASCII) file name and its rows. */
export interface CsvSheet {
  filename: string;
  rows: CsvCell[][];
}

/**
 * RFC 4180 text (CRLF line ends) with a UTF-8 byte order mark, which Excel needs to read Chinese
 * as UTF-8 rather than the system's code page. Rows are padded to the same number of columns.
 * A spreadsheet opens a cell that starts with = + - @ (or a tab or CR) as a formula and runs it: a
 * name or a note typed by a resident must never do that, so such text gets a leading apostrophe.
 */
export const toCsv = (rows: CsvCell[][]): string => {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<CsvCell>(width - r.length).fill('')].map((c) => c ?? ''));
  return stringify(padded, { bom: true, record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/ });
};

/** A file name safe in a Content-Disposition header. */
export const csvFilename = (filename: string) => filename.replace(/[^A-Za-z0-9._-]/g, '_');
