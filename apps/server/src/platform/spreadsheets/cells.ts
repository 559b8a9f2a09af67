/**
 * Cell-level rules shared by reading and writing spreadsheets: formula-injection detection,
 * the dates people type in Chinese spreadsheets, and CSV-injection-safe output.
 */

// A cell that a spreadsheet would run as a formula (OWASP "CSV injection"): `=…` always;
// `+ - @ tab CR` only when followed by something formula-like, so "+86 138…" and "-5" stay data.
const TRIGGER = /^[=+\-@\t\r]/;
const FORMULA_AFTER_TRIGGER =
  /^[=+\-@\t\r\s]*(?:=|[A-Za-z_][\w.]*\s*\(|[A-Za-z]{1,3}\$?\d+\s*[-+*/^&:]|.*\|.*!)/;

/** True for text a spreadsheet would evaluate: `=cmd|' /C calc'!A0`, `=HYPERLINK(…)`, `@SUM(…)`, `+A1*2`. */
export function isFormulaInjection(raw: string): boolean {
  if (!TRIGGER.test(raw)) return false;
  const body = raw.replace(/^[\t\r\s]+/, '');
  if (body.startsWith('=')) return body.length > 1;
  return FORMULA_AFTER_TRIGGER.test(raw.slice(1)) || /\|.*!/.test(raw);
}

/** What to write into a cell so no spreadsheet runs it: text starting with = + - @ tab CR gets a leading '. */
export function safeCellText(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** An Excel serial day number (1900 date system, Lotus leap-year bug included) as YYYY-MM-DD. */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const ms = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The dates a Chinese spreadsheet holds, as YYYY-MM-DD: 2026-01-05, 2026/1/5, 2026.1.5,
 * 2026年1月5日, 20260105, a time after the date, and Excel serial numbers (46027) where a
 * date cell reached us as its number. Null when it is not a real calendar date.
 */
export function parseSheetDate(text: string): string | null {
  const t = text.trim();
  let m =
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      t,
    );
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  // Five-digit serials are 1927–2173; shorter numbers are more likely a typo than a date.
  if (/^\d{5}(\.\d+)?$/.test(t)) return excelSerialToDate(Number(t));
  return null;
}
