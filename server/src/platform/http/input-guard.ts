import { ErrorCode } from '@onewindow/shared';
import type { FastifyInstance } from 'fastify';
import { DomainException } from '../errors/domain.exception.js';
import { validationMessage } from '../errors/validation.js';

/** Deeper than any document of ours: a body nested further is refused before anything reads it. */
export const MAX_JSON_DEPTH = 32;

/**
 * What no route accepts, refused before validation (which would recurse into it, or hand it to PostgreSQL): a JSON
 * body that is not an object, JSON nested deeper than MAX_JSON_DEPTH, and a NUL character in any string of the
 * body, the query or the path (PostgreSQL text cannot hold one). Walked with a stack of its own, so no input can
 * exhaust ours.
 */
export function registerInputGuard(fastify: FastifyInstance) {
  // A callback hook, not an async one: no promise per request on the hot read paths.
  fastify.addHook('preValidation', (req, _reply, done) => {
    try {
      checkInput(req.headers['content-type'], req.body, [req.body, req.query, req.params]);
      done();
    } catch (e) {
      done(e as Error);
    }
  });
}

function checkInput(contentType: string | undefined, body: unknown, sources: unknown[]) {
  // Every JSON body of ours is an object: `null`, an array or a bare value never reaches a handler.
  if (contentType?.startsWith('application/json') && body !== undefined)
    if (body === null || typeof body !== 'object' || Array.isArray(body))
      throw new DomainException(ErrorCode.BAD_REQUEST, 400, '请求体应为 JSON 对象');
  const fields: Record<string, string[]> = {};
  for (const source of sources) {
    const stack: [string, unknown, number][] = [['', source, 0]];
    while (stack.length) {
      const [at, v, depth] = stack.pop()!;
      if (typeof v === 'string') {
        if (v.includes('\u0000')) fields[at || '(body)'] = ['不能包含空字符（\\u0000）'];
      } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
        if (depth >= MAX_JSON_DEPTH)
          throw new DomainException(ErrorCode.BAD_REQUEST, 400, `请求内容嵌套过深（最多 ${MAX_JSON_DEPTH} 层）`);
        for (const [k, x] of Object.entries(v)) {
          const path = at ? `${at}.${k}` : k;
          if (k.includes('\u0000')) fields[path] = ['字段名不能包含空字符（\\u0000）'];
          stack.push([path, x, depth + 1]);
        }
      }
    }
  }
  if (Object.keys(fields).length)
    throw new DomainException(ErrorCode.VALIDATION_FAILED, 400, validationMessage(fields), { fields });
}
