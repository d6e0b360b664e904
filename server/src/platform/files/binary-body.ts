import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ErrorCode } from '@onewindow/shared';
import { DomainException } from '../errors/domain.exception.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { FILE_TYPES } from './file-types.js';

/** Uploads arrive as the raw body in their own media type (file name in X-File-Name), up to the upload limit. */
export function acceptFileBodies(fastify: FastifyInstance, uploadLimitBytes: number): void {
  fastify.addContentTypeParser(
    Object.keys(FILE_TYPES),
    { parseAs: 'buffer', bodyLimit: uploadLimitBytes },
    (_req, body, done) => done(null, body),
  );
  // Statements and other tables that arrive as CSV text (the bank's daily statement).
  fastify.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: uploadLimitBytes }, (_req, body, done) =>
    done(null, body),
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

/**
 * A route that takes a raw body of its own kinds (a workbook, a statement) refuses any other type with 415, as Fastify
 * does for a type no parser takes (the CSV parser is global, so a CSV reaches every route that takes raw bodies).
 */
export function assertMediaType(header: string | undefined, allowed: readonly string[], label: string): void {
  const type = header?.split(';')[0].trim().toLowerCase();
  if (!type || !allowed.includes(type))
    throw new DomainException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 415, `不支持的文件类型：请上传${label}`);
}
