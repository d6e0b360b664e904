import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FILE_TYPES } from './file-types.js';

/** Uploads arrive as the raw body in their own media type (file name in X-File-Name), up to the upload limit. */
export function acceptFileBodies(fastify: FastifyInstance, uploadLimitBytes: number): void {
  fastify.addContentTypeParser(
    Object.keys(FILE_TYPES),
    { parseAs: 'buffer', bodyLimit: uploadLimitBytes },
    (_req, body, done) => done(null, body),
  );
}

/** An upload as a route receives it: the raw body, its declared type, and the name from X-File-Name. */
export interface UploadedBody {
  bytes: unknown;
  mediaType: string | undefined;
  fileName: string | undefined;
}

/** `@Uploaded()` in a controller: the request's upload, for `FileStore.store` to check. */
export const Uploaded = createParamDecorator((_: unknown, ctx: ExecutionContext): UploadedBody => {
  const req = ctx.switchToHttp().getRequest<FastifyRequest>();
  return {
    bytes: req.body,
    mediaType: req.headers['content-type'],
    fileName: req.headers['x-file-name'] as string | undefined,
  };
});
