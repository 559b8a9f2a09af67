const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Plain text typed in a reply box as the HTML the API stores: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\r?\n/)
    .map((line) => line.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c))
    .join('<br>');
}
