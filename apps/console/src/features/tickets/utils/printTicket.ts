import { getTicketPrint } from '../api/ticketsApi';

/**
 * 打印: opens the window at once (a window opened after an await is blocked as a pop-up), then
 * writes the ticket rendered with the print template into it and opens the print dialog.
 */
export async function printTicket(id: number, loadingText: string): Promise<void> {
  const win = window.open('', '_blank');
  if (!win) throw new Error('popup_blocked');
  win.document.title = loadingText;
  win.document.body.textContent = loadingText;
  try {
    const html = await getTicketPrint(id);
    win.document.open();
    win.document.write(html);
    win.document.close();
    win.focus();
    win.print();
  } catch (error) {
    win.close();
    throw error;
  }
}
