/**
 * What an uploaded file is, from its first bytes (magic numbers), never from the name or the
 * Content-Type the client sent: the stored mime decides whether a download may show inline.
 * The extension only refines containers (a zip that is a .docx, an OLE file that is a .xls).
 */
export type Detected = { kind: 'ok'; mime: string } | { kind: 'executable' };

/** How many leading bytes detection looks at. */
export const SNIFF_BYTES = 4096;

const starts = (b: Buffer, sig: number[] | string, at = 0) => {
  const bytes = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.length >= at + bytes.length && b.subarray(at, at + bytes.length).equals(bytes);
};

const ZIP_BY_EXT: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};
const OLE_BY_EXT: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/** Native executables of Windows (MZ), Linux (ELF) and macOS (Mach-O, fat binaries). */
function isExecutable(b: Buffer): boolean {
  return (
    starts(b, 'MZ') ||
    starts(b, [0x7f, 0x45, 0x4c, 0x46]) ||
    starts(b, [0xfe, 0xed, 0xfa, 0xce]) ||
    starts(b, [0xfe, 0xed, 0xfa, 0xcf]) ||
    starts(b, [0xce, 0xfa, 0xed, 0xfe]) ||
    starts(b, [0xcf, 0xfa, 0xed, 0xfe]) ||
    starts(b, [0xca, 0xfe, 0xba, 0xbe])
  );
}

/** Valid UTF-8 without NUL bytes (a multi-byte sequence cut by the sniff window is fine). */
function looksLikeText(b: Buffer, complete: boolean): boolean {
  if (b.includes(0)) return false;
  let end = b.length;
  if (!complete) {
    // Drop a trailing partial sequence: back up over continuation bytes to the lead byte.
    let i = end - 1;
    while (i >= 0 && i > end - 4 && (b[i]! & 0xc0) === 0x80) i--;
    if (i >= 0 && b[i]! >= 0xc0) end = i;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/**
 * Detects a file's type from its head (the first SNIFF_BYTES, `complete` when that is the whole
 * file) and its name's extension.
 */
export function detectFileType(head: Buffer, fileName: string, complete: boolean): Detected {
  if (isExecutable(head)) return { kind: 'executable' };
  const ext = fileName.includes('.') ? fileName.split('.').pop()!.toLowerCase() : '';
  const mime = ((): string | null => {
    if (starts(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
    if (starts(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
    if (starts(head, 'GIF87a') || starts(head, 'GIF89a')) return 'image/gif';
    if (starts(head, 'RIFF') && starts(head, 'WEBP', 8)) return 'image/webp';
    if (starts(head, 'RIFF') && starts(head, 'WAVE', 8)) return 'audio/wav';
    if (starts(head, 'BM') && starts(head, [0, 0, 0, 0], 6)) return 'image/bmp';
    if (starts(head, '%PDF-')) return 'application/pdf';
    if (starts(head, [0x50, 0x4b, 0x03, 0x04]) || starts(head, [0x50, 0x4b, 0x05, 0x06]))
      return ZIP_BY_EXT[ext] ?? 'application/zip';
    if (starts(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
      return OLE_BY_EXT[ext] ?? 'application/x-ole-storage';
    if (starts(head, [0x1f, 0x8b])) return 'application/gzip';
    if (starts(head, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return 'application/x-7z-compressed';
    if (starts(head, 'Rar!\x1a\x07')) return 'application/vnd.rar';
    if (starts(head, '#!AMR')) return 'audio/amr';
    if (starts(head, 'ID3') || starts(head, [0xff, 0xfb]) || starts(head, [0xff, 0xf3])) return 'audio/mpeg';
    if (starts(head, 'ftyp', 4)) return 'video/mp4';
    if (looksLikeText(head, complete))
      return ext === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8';
    return null;
  })();
  return { kind: 'ok', mime: mime ?? 'application/octet-stream' };
}

/** Types a browser may show in the page (raster images only: SVG and HTML are never detected). */
export const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);
