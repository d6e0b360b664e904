import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { ErrorCode } from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { DomainException } from '../../platform/errors/domain.exception.js';
import { IntegrationErrors } from './integration.exception.js';

/** A request of the original still running after this long was abandoned (its process died): it may be taken over. */
const ABANDONED_MS = 60_000;
/** Keys are kept at least 24 h; older than 48 h they are cleared as new ones come. */
const KEPT_MS = 48 * 3_600_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** What the original request answered, replayed for a retry. */
export interface IdempotentAnswer<T> {
  body: T;
  replayed: boolean;
}

/**
 * Idempotency-Key for every POST of a machine client (after the IETF httpapi draft and Stripe): the key is claimed
 * with the request's fingerprint in a statement of its own before the work runs; the answer (or the refusal) is kept
 * with it. Same key and body: the original answer. Same key, another body: 422. The original still running: 409.
 * A failure of our own (5xx) frees the key for a retry. If the process dies between the work's commit and keeping the
 * answer, the key is taken over after a minute and the retry meets the state machine, which refuses to do it twice.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PlatformClock,
  ) {}

  async run<T>(
    clientId: string,
    key: string | undefined,
    request: unknown,
    work: () => Promise<T>,
  ): Promise<IdempotentAnswer<T>> {
    if (!key || !KEY_PATTERN.test(key)) throw IntegrationErrors.keyRequired();
    const fingerprint = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const now = this.clock.now();
    const claimed = await this.claim(clientId, key, fingerprint, now);
    if (!claimed) {
      const [row] = await this.dataSource.query<
        { fingerprint: string; status: number | null; response: unknown; created_at: Date }[]
      >(`SELECT fingerprint, status, response, created_at FROM idempotency_key WHERE api_client_id = $1 AND key = $2`, [
        clientId,
        key,
      ]);
      if (!row) return this.run(clientId, key, request, work);
      if (row.fingerprint !== fingerprint) throw IntegrationErrors.keyReused();
      if (row.status === null) {
        const [{ n }] = await this.dataSource.query<{ n: number }[]>(
          `WITH t AS (UPDATE idempotency_key SET created_at = $3
                      WHERE api_client_id = $1 AND key = $2 AND status IS NULL AND created_at < $4 RETURNING 1)
           SELECT count(*)::int AS n FROM t`,
          [clientId, key, now, new Date(now.getTime() - ABANDONED_MS)],
        );
        if (!n) throw IntegrationErrors.inFlight();
      } else if (row.status < 300) {
        return { body: row.response as T, replayed: true };
      } else {
        const e = row.response as { code: ErrorCode; message: string; details?: Record<string, unknown> };
        throw new DomainException(e.code, row.status, e.message, e.details);
      }
    }
    try {
      const body = await work();
      await this.keep(clientId, key, 200, body ?? null);
      return { body, replayed: false };
    } catch (e) {
      if (e instanceof DomainException && e.status < 500)
        await this.keep(clientId, key, e.status, { code: e.code, message: e.message, details: e.details });
      else
        await this.dataSource.query(`DELETE FROM idempotency_key WHERE api_client_id = $1 AND key = $2`, [
          clientId,
          key,
        ]);
      throw e;
    }
  }

  private async claim(clientId: string, key: string, fingerprint: string, now: Date): Promise<boolean> {
    await this.dataSource.query(`DELETE FROM idempotency_key WHERE created_at < $1`, [
      new Date(now.getTime() - KEPT_MS),
    ]);
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(
      `WITH t AS (INSERT INTO idempotency_key (api_client_id, key, fingerprint, status, response, created_at)
                  VALUES ($1, $2, $3, NULL, NULL, $4) ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS n FROM t`,
      [clientId, key, fingerprint, now],
    );
    return n > 0;
  }

  private keep(clientId: string, key: string, status: number, response: unknown) {
    return this.dataSource.query(
      `UPDATE idempotency_key SET status = $3, response = $4 WHERE api_client_id = $1 AND key = $2`,
      [clientId, key, status, JSON.stringify(response)],
    );
  }
}
