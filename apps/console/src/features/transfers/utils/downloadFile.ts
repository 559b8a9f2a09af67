/**
 * Downloads a same-origin URL (the session cookie authenticates it) through a hidden anchor, so
 * the browser saves the file under the server's name without leaving the page.
 */
export function downloadFile(url: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = '';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}
