import { StreamableFile } from '@nestjs/common';

/**
 * A file for the browser to save (not to render inline): the Chinese name goes in RFC 5987 form with an
 * ASCII fallback, and nosniff keeps the declared type authoritative.
 */
export function download(fileName: string, mediaType: string, bytes: Buffer, inline = false): StreamableFile {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new StreamableFile(bytes, {
    type: mediaType,
    length: bytes.length,
    disposition: `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
  });
}
