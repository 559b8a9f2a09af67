/**
 * Chinese phone numbers as users type them: "+86 138-0013-8000", "0086 13800138000",
 * "013800138000" (a PBX's leading 0 before a mobile), "(010) 6370 1234", "+86 10 63701234",
 * "0755-8888 6666 转 123". Normalised to digits: mobiles as 11 digits, landlines with their
 * 0-prefixed area code, an extension after "#".
 */
export type PhoneKind = 'mobile' | 'landline';
export interface Phone {
  kind: PhoneKind;
  value: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes: 010, 02x (3 digits) or 0xxx (4 digits); local numbers 7–8 digits.
const LANDLINE = /^0(10|2\d|[3-9]\d{2})\d{7,8}$/;

export function normalizePhone(raw: string): Phone | null {
  let text = raw.trim().replace(/[（]/g, '(').replace(/[）]/g, ')');
  let extension = '';
  const ext = /(?:转|ext\.?|x|#)\s*(\d{1,6})$/i.exec(text);
  if (ext) {
    extension = ext[1]!;
    text = text.slice(0, ext.index);
  }
  if (/[^\d\s+\-().]/.test(text)) return null;
  let digits = text.replace(/[^\d+]/g, '');
  if (digits.indexOf('+') > 0) return null;
  // Other countries' numbers are not recognised (yet).
  if (/^(\+|00)/.test(digits) && !/^(\+86|0086)/.test(digits)) return null;
  digits = digits.replace(/^\+86|^0086/, '');
  if (digits.length === 13 && digits.startsWith('86') && MOBILE.test(digits.slice(2)))
    digits = digits.slice(2);
  if (digits.length === 12 && digits.startsWith('0') && MOBILE.test(digits.slice(1)))
    digits = digits.slice(1);
  if (MOBILE.test(digits) && !extension) return { kind: 'mobile', value: digits };
  // A landline written after +86 loses its leading 0 ("+86 10 63701234").
  if (!digits.startsWith('0') && LANDLINE.test(`0${digits}`) && /^\s*(\+86|0086)/.test(raw))
    digits = `0${digits}`;
  if (LANDLINE.test(digits))
    return { kind: 'landline', value: extension ? `${digits}#${extension}` : digits };
  return null;
}

/** 135****5678 */
export function maskMobile(value: string): string {
  return value.length >= 11 ? `${value.slice(0, 3)}****${value.slice(-4)}` : '****';
}

/** 010-6370**** (area code, first four digits, the rest hidden). */
export function maskLandline(value: string): string {
  const [number] = value.split('#');
  const m = /^(010|02\d|0[3-9]\d{2})(\d+)$/.exec(number ?? '');
  if (!m) return '****';
  return `${m[1]}-${m[2]!.slice(0, 4)}****`;
}

export function maskPhone(value: string | null): string | null {
  if (!value) return value;
  const p = normalizePhone(value);
  if (!p) return '****';
  return p.kind === 'mobile' ? maskMobile(p.value) : maskLandline(p.value);
}
