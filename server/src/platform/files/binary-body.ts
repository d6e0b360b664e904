import type { FastifyInstance } from 'fastify';
import { FILE_TYPES } from './file-types.js';

/** Uploads arrive as the raw body in their own media type (file name in X-File-Name), up to the upload limit. */
export function acceptFileBodies(fastify: FastifyInstance, uploadLimitBytes: number): void {
  fastify.addContentTypeParser(
    Object.keys(FILE_TYPES),
    { parseAs: 'buffer', bodyLimit: uploadLimitBytes },
    (_req, body, done) => done(null, body),
  );
}
