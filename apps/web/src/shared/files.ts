// Uploaded files (POST /api/files): the server's answer, the upload itself, and a readable size.
// Photos and documents both go up here; the server sniffs the type and refuses what it does not
// accept (images, PDF, Word, Excel, MP4).
import { apiUpload } from '../app/api';

/** A stored file as records list it. */
export interface FileRef {
  id: string;
  name: string;
  mime: string;
  size: number;
}

export interface UploadedFile {
  id: string;
  name: string;
  mime: string;
  size: number;
  isImage: boolean;
  width?: number;
  height?: number;
}

export function uploadFile(file: File): Promise<UploadedFile> {
  return apiUpload<UploadedFile>('/api/files', file);
}

/** `1536` → `1.5 KB`; sizes are binary (1 KB = 1024 bytes) like the file managers show them. */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}
