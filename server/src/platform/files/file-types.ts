/** The kinds of file the center accepts, each recognised by its first bytes rather than by its name. */
export const FILE_TYPES = {
  'application/pdf': { ext: 'pdf', magic: [[0x25, 0x50, 0x44, 0x46, 0x2d]] },
  'image/jpeg': { ext: 'jpg', magic: [[0xff, 0xd8, 0xff]] },
  'image/png': { ext: 'png', magic: [[0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]] },
  // OOXML documents are zip files that list their content types and their main part.
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    ext: 'docx',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
    parts: ['[Content_Types].xml', 'word/document.xml'],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    ext: 'xlsx',
    magic: [[0x50, 0x4b, 0x03, 0x04]],
    parts: ['[Content_Types].xml', 'xl/workbook.xml'],
  },
} as const satisfies Record<string, { ext: string; magic: number[][]; parts?: string[] }>;
export type FileMediaType = keyof typeof FILE_TYPES;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' satisfies FileMediaType;

export function isKnownMediaType(t: string): t is FileMediaType {
  return Object.hasOwn(FILE_TYPES, t);
}

/**
 * Whether the bytes really are what the declared type says: its signature, and for an OOXML package the names of
 * the parts it must hold (in the zip's directory), so any other zip is not taken for a Word or Excel file.
 */
export function bytesMatch(type: FileMediaType, bytes: Buffer): boolean {
  const spec: { magic: readonly (readonly number[])[]; parts?: readonly string[] } = FILE_TYPES[type];
  if (!spec.magic.some((sig) => sig.every((b, i) => bytes[i] === b))) return false;
  return (spec.parts ?? []).every((part) => bytes.includes(Buffer.from(part, 'latin1')));
}

/** A file name safe to store and to put in a header: no directories, no control characters, bounded length. */
export function cleanFileName(raw: string | undefined, type: FileMediaType): string {
  let name: string;
  try {
    name = decodeURIComponent(raw ?? '');
  } catch {
    name = '';
  }
  name = name
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    // Bidirectional controls: a right-to-left override makes `exe.pdf` read as `fdp.exe`.
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  const ext = FILE_TYPES[type].ext;
  if (!name || name.startsWith('.')) name = `file.${ext}`;
  if (!name.toLowerCase().endsWith(`.${ext}`)) name = `${name.replace(/\.[^.]*$/, '')}.${ext}`;
  return name.length > 160 ? `${name.slice(0, 150)}.${ext}` : name;
}
