import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import XLSX from 'xlsx';
import { AppError } from '../http/errors.js';

export type SheetKind = 'xlsx' | 'xls' | 'csv';

/** One non-blank row: its number in the file (1-based), its cells as text, and which cells held formulas. */
export interface SheetRow {
  number: number;
  cells: string[];
  /** Column indexes (0-based) of cells that held a formula. */
  formulas: number[];
}

export interface ReadOptions {
  /** 无表头: the first row is data and columns are named 列1, 列2 … */
  noHeader?: boolean;
  /** More data rows than this rejects the file (too_many_rows). */
  maxRows: number;
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Columns beyond this are ignored: no real customer sheet is wider, and it bounds memory per row. */
const MAX_COLUMNS = 500;
/** How many leading rows are looked at to find the header under a merged title row. */
const HEADER_WINDOW = 10;

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * The kind of an uploaded file, from its extension checked against its first bytes: .xlsx must
 * be a zip, .xls an OLE2 compound file, .csv text (no NUL bytes). Anything else is refused.
 */
export function detectKind(fileName: string, head: Buffer): SheetKind {
  const ext = path.extname(fileName).toLowerCase();
  if (head.length === 0) throw new AppError('file_empty');
  if (ext === '.xlsx' && head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (ext === '.xls' && head.subarray(0, 8).equals(OLE2)) return 'xls';
  if (ext === '.csv' && !head.subarray(0, 8).equals(OLE2) && !head.subarray(0, 4).equals(ZIP)) {
    // UTF-16 text has NULs too; everything else with a NUL is binary.
    const utf16 = head[0] === 0xff && head[1] === 0xfe;
    if (utf16 || !head.includes(0)) return 'csv';
  }
  throw new AppError('file_type_unsupported');
}

const blank = (cells: string[]) => cells.every((c) => c === '');
/** Cells are trimmed (also of full-width spaces); a cell is text, whatever type it had. */
const clean = (s: string) => s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');

type CellValue = ExcelJS.CellValue;
function pad2(n: number) {
  return String(n).padStart(2, '0');
}
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  return h || m ? `${day} ${pad2(h)}:${pad2(m)}` : day;
}

/** exceljs cell value → text, and whether it was a formula. */
function excelCell(v: CellValue): { text: string; formula: boolean } {
  if (v === null || v === undefined) return { text: '', formula: false };
  if (typeof v === 'string') return { text: v, formula: false };
  if (typeof v === 'number') return { text: String(v), formula: false };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE', formula: false };
  if (v instanceof Date) return { text: dateText(v), formula: false };
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: unknown }).result;
    return { text: result === undefined || result === null ? '' : String(result), formula: true };
  }
  if ('richText' in v) return { text: v.richText.map((r) => r.text).join(''), formula: false };
  if ('text' in v && typeof v.text === 'string') return { text: v.text, formula: false };
  if ('error' in v) return { text: String(v.error), formula: false };
  return { text: '', formula: false };
}

/**
 * exceljs's streaming reader decodes every zip chunk on its own, so a Chinese character split
 * between two chunks turns into "���" (a real 50,000-row file shows it). Chunks are re-cut at
 * UTF-8 character boundaries before they reach its XML parser.
 */
async function* utf8Chunks(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of source) {
    const buf = Buffer.concat([carry, Buffer.from(chunk)]);
    let end = buf.length;
    let i = end - 1;
    while (i >= 0 && end - i < 4 && (buf[i]! & 0xc0) === 0x80) i--;
    if (i >= 0) {
      const lead = buf[i]!;
      const size = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
      if (size > end - i) end = i;
    }
    carry = buf.subarray(end);
    if (end > 0) yield buf.subarray(0, end);
  }
  if (carry.length) yield carry;
}

type ReaderInternals = {
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: number): unknown;
  _parseSharedStrings(entry: NodeJS.ReadableStream): unknown;
};
const WorkbookReaderBase = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: NodeJS.ReadableStream,
  options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
) => ExcelJS.stream.xlsx.WorkbookReader & ReaderInternals;

class Utf8SafeWorkbookReader extends WorkbookReaderBase {
  override _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: number) {
    return super._parseWorksheet(utf8Chunks(iterator), sheetNo);
  }
  override _parseSharedStrings(entry: NodeJS.ReadableStream) {
    return super._parseSharedStrings(Readable.from(utf8Chunks(entry.pipe(new PassThrough()))));
  }
}

async function* xlsxRows(file: string): AsyncGenerator<SheetRow> {
  const input = fs.createReadStream(file);
  try {
    const reader = new Utf8SafeWorkbookReader(input, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as CellValue[]).slice(1, MAX_COLUMNS + 1);
        const cells: string[] = [];
        const formulas: number[] = [];
        for (let i = 0; i < values.length; i++) {
          const c = excelCell(values[i] ?? null);
          cells.push(c.text);
          if (c.formula) formulas.push(i);
        }
        yield { number: row.number, cells, formulas };
      }
      return; // the first worksheet only
    }
  } finally {
    input.destroy();
  }
}

function* xlsRows(file: string, maxRows: number): Generator<SheetRow> {
  // SheetJS reads legacy .xls whole (at most 65,536 rows by the format); rows past the limit are not parsed.
  const wb = XLSX.read(fs.readFileSync(file), {
    type: 'buffer',
    cellFormula: true,
    cellNF: true,
    cellDates: false,
    sheetRows: maxRows + HEADER_WINDOW + 2,
  });
  const name = wb.SheetNames[0];
  const sheet = name ? wb.Sheets[name] : undefined;
  if (!sheet?.['!ref']) return;
  const range = XLSX.utils.decode_range(sheet['!ref']);
  const lastCol = Math.min(range.e.c, range.s.c + MAX_COLUMNS - 1);
  for (let r = range.s.r; r <= range.e.r; r++) {
    const cells: string[] = [];
    const formulas: number[] = [];
    for (let c = range.s.c; c <= lastCol; c++) {
      const cell = sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
      let text = '';
      if (cell) {
        if (cell.f) formulas.push(c - range.s.c);
        if (cell.t === 'n' && typeof cell.v === 'number' && cell.z && XLSX.SSF.is_date(String(cell.z))) {
          const d = XLSX.SSF.parse_date_code(cell.v);
          text = dateText(new Date(Date.UTC(d.y, d.m - 1, d.d, d.H, d.M)));
        } else if (cell.t === 'b') text = cell.v ? 'TRUE' : 'FALSE';
        else if (cell.t === 'e') text = cell.w ?? '';
        else if (cell.v !== undefined && cell.v !== null) text = String(cell.v);
      }
      cells.push(text);
    }
    yield { number: r + 1, cells, formulas };
  }
}

/** UTF-8 (with or without BOM) when the bytes are valid UTF-8, UTF-16 with its BOM, else GBK (GB18030). */
export function decodeText(buf: Buffer): string {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return buf.subarray(3).toString('utf8');
  if (buf[0] === 0xff && buf[1] === 0xfe) return iconv.decode(buf.subarray(2), 'utf16le');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return iconv.decode(buf, 'gb18030');
  }
}

function* csvRows(file: string): Generator<SheetRow> {
  const text = decodeText(fs.readFileSync(file));
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  // Excel's "Unicode text" and many exports are tab-separated.
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  const records = parseCsv(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  for (const { record, info } of records) {
    yield { number: info.lines, cells: record.slice(0, MAX_COLUMNS), formulas: [] };
  }
}

async function* rawRows(file: string, kind: SheetKind, maxRows: number): AsyncGenerator<SheetRow> {
  const source = kind === 'xlsx' ? xlsxRows(file) : kind === 'xls' ? xlsRows(file, maxRows) : csvRows(file);
  try {
    for await (const row of source) {
      const cells = row.cells.map((c) => clean(c));
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      if (blank(cells)) continue;
      yield { ...row, cells };
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('file_corrupt');
  }
}

const nonEmpty = (r: SheetRow) => r.cells.filter((c) => c !== '').length;
const columnName = (i: number) => `列${i + 1}`;

/**
 * The header among the first rows: a title row above it (one filled cell — typically merged
 * across the table — over rows with more) is skipped. Merged header cells give their value to
 * the first cell only; the others are named by position (列N), as are empty and extra columns.
 */
function pickHeader(window: SheetRow[]): { header: string[]; skip: number } {
  let skip = 0;
  while (
    skip < window.length - 1 &&
    nonEmpty(window[skip]!) === 1 &&
    window.slice(skip + 1).some((r) => nonEmpty(r) > 1)
  )
    skip++;
  const seen = new Map<string, number>();
  const header = window[skip]!.cells.map((c, i) => {
    const name = c || columnName(i);
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n > 1 ? `${name}(${n})` : name;
  });
  return { header, skip: skip + 1 };
}

export interface SheetSummary {
  kind: SheetKind;
  header: string[];
  rows: number;
}

/**
 * Reads a spreadsheet's first sheet into a header and data rows of text, streaming where the
 * format allows. Blank rows are skipped. `onRow` gets each data row in order; returning
 * `'stop'` ends the read early (previews). Bad files throw AppErrors.
 */
export async function readSheet(
  file: string,
  fileName: string,
  opts: ReadOptions,
  onRow: (row: SheetRow) => undefined | 'stop' | Promise<undefined | 'stop'>,
): Promise<SheetSummary> {
  const size = fs.statSync(file).size;
  if (size === 0) throw new AppError('file_empty');
  if (size > MAX_FILE_BYTES) throw new AppError('file_too_large', { mb: MAX_FILE_BYTES / 1024 / 1024 });
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  const kind = detectKind(fileName, head.subarray(0, Math.min(8, size)));

  let header: string[] | null = opts.noHeader ? [] : null;
  const window: SheetRow[] = [];
  let count = 0;
  let width = 0;
  let stopped = false;
  const emit = async (row: SheetRow) => {
    if (++count > opts.maxRows)
      throw new AppError('too_many_rows', { max: opts.maxRows.toLocaleString('en-US') });
    width = Math.max(width, row.cells.length);
    if ((await onRow(row)) === 'stop') stopped = true;
  };
  const flushWindow = async () => {
    if (header === null && window.length > 0) {
      const picked = pickHeader(window);
      header = picked.header;
      window.splice(0, picked.skip);
    }
    for (const row of window.splice(0)) {
      if (!stopped) await emit(row);
    }
  };
  for await (const row of rawRows(file, kind, opts.maxRows)) {
    if (header === null && window.length < HEADER_WINDOW) {
      window.push(row);
      if (window.length < HEADER_WINDOW) continue;
      await flushWindow();
    } else {
      await emit(row);
    }
    if (stopped) break;
  }
  if (!stopped) await flushWindow();
  const names: string[] = header ?? [];
  if (count === 0) throw new AppError('file_empty');
  for (let i = names.length; i < width; i++) names.push(columnName(i));
  return { kind, header: names, rows: count };
}
