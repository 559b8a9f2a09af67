import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { safeCellText } from './cells.js';

export interface SheetColumn {
  header: string;
  /** In characters; CJK characters count double. Defaults to fit the header. */
  width?: number;
}

export type CellInput = string | number | boolean | Date | null | undefined;

const displayWidth = (s: string) => [...s].reduce((n, ch) => n + (/[\u2E80-\uFFFF]/.test(ch) ? 2 : 1), 0);

/** A cell value that no spreadsheet program will execute (text starting with = + - @ tab CR is prefixed with '). */
export function safeCell(v: CellInput): string | number | boolean | Date | null {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' ? safeCellText(v) : v;
}

/**
 * Writes one sheet as .xlsx with exceljs's streaming writer: rows are compressed as they come,
 * so memory holds the finished file, not the rows. Bold Chinese headers, frozen header row,
 * column widths. Returns the file and the number of data rows.
 */
export async function writeXlsx(
  sheetName: string,
  columns: SheetColumn[],
  rows: AsyncIterable<CellInput[]> | Iterable<CellInput[]>,
): Promise<{ data: Buffer; rows: number }> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    key: String(i),
    width: c.width ?? Math.min(60, Math.max(10, displayWidth(c.header) + 4)),
  }));
  const head = sheet.addRow(columns.map((c) => safeCell(c.header)));
  head.font = { bold: true };
  head.commit();
  let count = 0;
  for await (const row of rows) {
    sheet.addRow(row.map(safeCell)).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return { data: Buffer.concat(parts), rows: count };
}
