import { request } from '../../../api/client';
import type { Attachment } from '../types/ticketTypes';

/**
 * Uploads one file (POST /files, multipart field `file`) for a reply or a ticket's attachments.
 * The browser encodes the form first so the shared client can send it with its boundary.
 */
export async function uploadFile(file: File): Promise<Attachment> {
  const form = new FormData();
  form.set('file', file);
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? 'multipart/form-data';
  const uploaded = await request<Attachment>('POST', '/files', {
    raw: { data: await encoded.blob(), contentType },
  });
  // Only what a reply's attachment list stores (the answer also carries the detected type).
  return { fileId: uploaded.fileId, name: uploaded.name, size: uploaded.size };
}

/** Where an uploaded file is downloaded from. */
export const fileUrl = (fileId: string) => `/api/v1/files/${encodeURIComponent(fileId)}`;
