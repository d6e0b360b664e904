import type { FilePolicy } from '../../platform/files/file-store.service.js';

/** Blank forms and samples attached to a matter's materials: public, documents and images, at most 5 MB. */
export const MATTER_ATTACHMENT = {
  purpose: 'MATTER_ATTACHMENT',
  types: [
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'image/jpeg',
    'image/png',
  ],
  maxBytes: 5 * 1_048_576,
} as const satisfies FilePolicy;
