import type { FileUpload } from '@onewindow/shared';

/** A file the user picked, as the API client uploads it (its own type, or a plain octet stream). */
export function fileUpload(file: File): FileUpload {
  return { bytes: file, mediaType: file.type || 'application/octet-stream', fileName: file.name };
}
