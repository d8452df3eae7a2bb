import { stringify } from 'csv-stringify/sync';

/**
 * Rows as CSV for spreadsheets: UTF-8 with a byte-order mark so names read
 * right, and cells a spreadsheet would run as a formula (= + - @) escaped.
 * Every download Confer offers is written by this.
 */
export function spreadsheetCsv(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows as unknown[][], { bom: true, escape_formulas: true });
}
