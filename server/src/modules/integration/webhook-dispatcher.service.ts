import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import { Metrics } from '../../platform/metrics/metrics.js';
import { OutboxCursor } from '../../platform/outbox/outbox.js';
import { PlatformSql } from '../../platform/outbox/platform.sql.js';
import { AcceptanceSql } from '../acceptance/acceptance.module.js';
import { type SendResult, WebhookSender } from './webhook-sender.js';
import { EventFeedService } from './event-feed.service.js';

/** Events fanned out to deliveries per transaction, and deliveries one instance sends per round. */
const FAN_OUT_BATCH = 2_000;
const SEND_BATCH = 200;
/** Due deliveries looked at per claim window, and windows per round (a case's later events wait behind its first). */
const CLAIM_WINDOW = 2_000;
const CLAIM_WINDOWS = 5;
/** An instance that took a delivery and died lets another take it after this. */
const LEASE_MS = 60_000;

interface OutboxRow {
  id: string;
  txid: string;
  type: string;
  case_id: string | null;
  data: Record<string, unknown>;
  occurred_at: Date;
}

interface Claimed {
  id: string;
  endpoint_id: string;
  event_id: string;
  attempts: number;
}

interface EndpointKeys {
  url: string;
  signers: Webhook[];
}

/**
 * Delivers outbox events to subscriptions after Standard Webhooks, from any number of instances.
 *
 * - Fan-out: one instance at a time (the `webhook_dispatch` row, `SKIP LOCKED`) reads the outbox after its position
 *   in the feed's order (only events of transactions older than every one still running, as the feed does) and
 *   writes a delivery for every active subscription whose client may see the event (its department leads or reads
 *   the case) and whose types match, then moves the position, all in one transaction.
 * - Sending: an instance takes due deliveries `FOR UPDATE SKIP LOCKED` under a lease, only the first pending one of
 *   each case per subscription (in order per case: a later event of a case waits while an earlier one is retried),
 *   signs each (`webhook-id` = the event, the same on every attempt), sends them in parallel, and records every
 *   attempt and outcome in one transaction: 2xx delivered; 410 Gone gives up and disables the subscription; anything
 *   else (or no answer within the timeout) waits the next step of the schedule, and after the last is given up.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('Webhooks');
  readonly sender: WebhookSender;
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  private readonly attemptsTotal = this.metrics.counter(
    'onewindow_webhook_attempts_total',
    'Webhook delivery attempts by outcome',
    ['outcome'],
  );

  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: EventFeedService,
    private readonly cipher: PersonalDataCipher,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.sender = new WebhookSender(config.webhooks);
  }

  static messageId(eventId: string | number): string {
    return `evt_${eventId}`;
  }

  /** The body: Standard Webhooks' `type`, `timestamp` (when the change happened) and `data` (with its feed cursor). */
  static payload(e: OutboxRow): string {
    return JSON.stringify({
      type: e.type,
      timestamp: new Date(e.occurred_at).toISOString(),
      data: { cursor: OutboxCursor.of({ txid: Number(e.txid), id: Number(e.id) }), caseId: e.case_id, ...e.data },
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.webhooks.worker) this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    this.sender.close();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let busy = false;
      try {
        busy = await this.round();
      } catch (e) {
        if (!this.stopped) this.log.error(`webhook round failed: ${(e as Error).message}`);
      }
      if (!busy && !this.stopped)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.config.webhooks.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
    }
  }

  /** One round: fan out what has committed, then send what is due. True when there may be more at once. */
  async round(): Promise<boolean> {
    const fanned = await this.fanOut();
    const sent = await this.sendDue();
    return fanned === FAN_OUT_BATCH || sent === SEND_BATCH;
  }

  private fanOut(): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      const [pos] = await m.query<{ cursor_txid: string; cursor_id: string }[]>(
        `SELECT cursor_txid, cursor_id FROM webhook_dispatch WHERE id = 1 FOR UPDATE SKIP LOCKED`,
      );
      if (!pos) return 0;
      const batch = await m.query<{ txid: string; id: string }[]>(
        `SELECT e.txid, e.id FROM ${PlatformSql.outbox('e')}
         WHERE (e.txid, e.id) > ($1::bigint, $2::bigint) AND ${PlatformSql.outboxVisible('e')}
         ORDER BY ${PlatformSql.outboxOrder('e')} LIMIT $3`,
        [pos.cursor_txid, pos.cursor_id, FAN_OUT_BATCH],
      );
      const end = batch.at(-1);
      if (!end) return 0;
      const now = new Date();
      await m.query(
        `INSERT INTO webhook_delivery (endpoint_id, event_id, case_id, status, attempts, next_attempt_at, created_at)
         SELECT w.id, e.id, e.case_id, 'PENDING', 0, $5, $5
         FROM ${PlatformSql.outbox('e')}
         LEFT JOIN ${AcceptanceSql.case('sc')} ON sc.id = e.case_id
         JOIN webhook_endpoint w ON w.status = 'ACTIVE' AND e.txid > w.starts_after_txid
           AND w.event_types ?| ARRAY[e.type, split_part(e.type, '.', 1) || '.*', '*']
         JOIN api_client c ON c.id = w.api_client_id AND c.revoked_at IS NULL
           AND ${this.feed.visibleTo('c.department_id')}
         WHERE (e.txid, e.id) > ($1::bigint, $2::bigint) AND (e.txid, e.id) <= ($3::bigint, $4::bigint)
         ORDER BY ${PlatformSql.outboxOrder('e')}, w.id
         ON CONFLICT DO NOTHING`,
        [pos.cursor_txid, pos.cursor_id, end.txid, end.id, now],
      );
      await m.query(`UPDATE webhook_dispatch SET cursor_txid = $1, cursor_id = $2 WHERE id = 1`, [end.txid, end.id]);
      return batch.length;
    });
  }

  private async sendDue(): Promise<number> {
    const now = new Date();
    const lease = new Date(now.getTime() + LEASE_MS);
    const claimed: Claimed[] = [];
    // The active subscriptions first (a handful): the claims below then never join them, so the planner cannot start
    // from a subscription and read its whole backlog to find the few it wants.
    const active = (
      await this.dataSource.query<{ id: string }[]>(`SELECT id FROM webhook_endpoint WHERE status = 'ACTIVE'`)
    ).map((w) => w.id);
    if (!active.length) return 0;
    // Due deliveries in order, a window at a time through the due index (it stops early however long the backlog),
    // then of these the first pending one of each case per subscription, locked and leased.
    let after: { at: string; id: string } | null = null;
    for (let window = 0; window < CLAIM_WINDOWS && claimed.length < SEND_BATCH; window++) {
      const due: { id: string; at: string }[] = await this.dataSource.query(
        `SELECT d.id::text AS id, d.next_attempt_at::text AS at FROM webhook_delivery d
         WHERE d.status = 'PENDING' AND d.next_attempt_at <= $1 AND d.endpoint_id = ANY($5::uuid[])
           AND ($2::timestamptz IS NULL OR (d.next_attempt_at, d.id) > ($2::timestamptz, $3::bigint))
         ORDER BY d.next_attempt_at, d.id LIMIT $4`,
        [now, after?.at ?? null, after?.id ?? 0, CLAIM_WINDOW, active],
      );
      if (!due.length) break;
      claimed.push(
        ...(await this.dataSource.query<Claimed[]>(
          `WITH c AS (
             SELECT d.id FROM webhook_delivery d
             WHERE d.id = ANY($1::bigint[]) AND d.status = 'PENDING' AND d.next_attempt_at <= $2
               AND (d.lease_until IS NULL OR d.lease_until < $2)
               AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.status = 'PENDING'
                               AND p.endpoint_id = d.endpoint_id AND p.case_id = d.case_id AND p.id < d.id)
             ORDER BY d.next_attempt_at, d.id LIMIT $3
             FOR UPDATE OF d SKIP LOCKED)
           , u AS (UPDATE webhook_delivery d SET lease_until = $4 FROM c WHERE d.id = c.id
                   RETURNING d.id::text AS id, d.endpoint_id, d.event_id::text AS event_id, d.attempts)
           SELECT * FROM u ORDER BY id::bigint`,
          [due.map((d) => d.id), now, SEND_BATCH - claimed.length, lease],
        )),
      );
      if (due.length < CLAIM_WINDOW) break;
      const last = due.at(-1)!;
      after = { at: last.at, id: last.id };
    }
    if (!claimed.length) return 0;
    const results = await this.send(claimed);
    await this.record(claimed, results, lease, false);
    return claimed.length;
  }

  /** A manual attempt now; a delivery given up stays given up unless it succeeds. */
  async redeliver(id: number): Promise<void> {
    const claimed = await this.dataSource.query<Claimed[]>(
      `SELECT id::text AS id, endpoint_id, event_id::text AS event_id, attempts FROM webhook_delivery WHERE id = $1`,
      [id],
    );
    const results = await this.send(claimed);
    await this.record(claimed, results, null, true);
  }

  private async send(claimed: Claimed[]): Promise<Map<string, SendResult>> {
    const events = new Map(
      (
        await this.dataSource.query<OutboxRow[]>(
          `SELECT e.id::text AS id, e.txid::text AS txid, e.type, e.case_id, e.data, e.occurred_at
           FROM ${PlatformSql.outbox('e')} WHERE e.id = ANY($1::bigint[])`,
          [claimed.map((c) => c.event_id)],
        )
      ).map((e) => [e.id, e]),
    );
    const keys = await this.keysOf([...new Set(claimed.map((c) => c.endpoint_id))]);
    const results = new Map<string, SendResult>();
    await Promise.all(
      claimed.map(async (c) => {
        const e = events.get(c.event_id)!;
        const k = keys.get(c.endpoint_id)!;
        const body = WebhookDispatcher.payload(e);
        const msgId = WebhookDispatcher.messageId(c.event_id);
        const at = new Date();
        const signature = k.signers.map((s) => s.sign(msgId, at, body)).join(' ');
        results.set(
          c.id,
          await this.sender.send(
            k.url,
            {
              'webhook-id': msgId,
              'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
              'webhook-signature': signature,
              'user-agent': 'OneWindow-Webhooks/1',
            },
            body,
          ),
        );
      }),
    );
    return results;
  }

  private async keysOf(ids: string[]): Promise<Map<string, EndpointKeys>> {
    const rows = await this.dataSource.query<
      { id: string; url: string; secret: string; previous_secret: string | null; previous_secret_until: Date | null }[]
    >(`SELECT id, url, secret, previous_secret, previous_secret_until FROM webhook_endpoint WHERE id = ANY($1)`, [ids]);
    const now = new Date();
    return new Map(
      rows.map((r) => {
        const secrets = [this.cipher.decrypt(r.secret)];
        if (r.previous_secret && r.previous_secret_until && new Date(r.previous_secret_until) > now)
          secrets.push(this.cipher.decrypt(r.previous_secret));
        return [r.id, { url: r.url, signers: secrets.map((s) => new Webhook(s)) }];
      }),
    );
  }

  /** Every attempt and outcome in one transaction; a lease another instance has since taken over is left alone. */
  private async record(claimed: Claimed[], results: Map<string, SendResult>, lease: Date | null, manual: boolean) {
    const schedule = this.config.webhooks.retrySeconds;
    const now = new Date();
    const rows = claimed.map((c) => {
      const r = results.get(c.id)!;
      const ok = r.status !== null && r.status >= 200 && r.status < 300;
      const gone = r.status === 410;
      const attempts = c.attempts + 1;
      const wait = schedule[c.attempts];
      const outcome = ok ? 'DELIVERED' : gone || wait === undefined ? 'FAILED' : 'PENDING';
      this.attemptsTotal.inc({ outcome: ok ? 'delivered' : gone ? 'gone' : 'failed' });
      // ±10 % jitter, so a receiver that comes back is not met by every delivery in the same second.
      const next = new Date(now.getTime() + (wait ?? 0) * 1000 * (0.9 + Math.random() * 0.2));
      return { c, r, ok, gone, attempts, outcome, next };
    });
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO webhook_attempt (delivery_id, attempted_at, status, duration_ms, error, response_body, manual)
         SELECT d, $2::timestamptz, s, ms, err, body, $7 FROM unnest($1::bigint[], $3::int[], $4::int[], $5::text[], $6::text[])
           AS u(d, s, ms, err, body)`,
        [
          rows.map((x) => x.c.id),
          now,
          rows.map((x) => x.r.status),
          rows.map((x) => x.r.durationMs),
          rows.map((x) => x.r.error),
          rows.map((x) => x.r.responseBody?.replace(/\0/g, '') ?? null),
          manual,
        ],
      );
      if (manual) {
        // Outside the schedule: success delivers it; a failure changes nothing of what the schedule will do.
        const delivered = rows.filter((x) => x.ok).map((x) => x.c.id);
        await m.query(
          `UPDATE webhook_delivery SET status = 'DELIVERED', delivered_at = $2, lease_until = NULL
           WHERE id = ANY($1::bigint[])`,
          [delivered, now],
        );
      } else {
        await m.query(
          `UPDATE webhook_delivery d SET status = u.status, attempts = u.attempts, next_attempt_at = u.next,
             lease_until = NULL, last_status = u.last_status, last_error = u.last_error,
             delivered_at = CASE WHEN u.status = 'DELIVERED' THEN $8::timestamptz END
           FROM unnest($1::bigint[], $2::text[], $3::int[], $4::timestamptz[], $5::int[], $6::text[])
             AS u(id, status, attempts, next, last_status, last_error)
           WHERE d.id = u.id AND d.lease_until = $7`,
          [
            rows.map((x) => x.c.id),
            rows.map((x) => x.outcome),
            rows.map((x) => x.attempts),
            rows.map((x) => x.next),
            rows.map((x) => x.r.status),
            rows.map((x) => (x.ok ? null : (x.r.error ?? `HTTP ${x.r.status}`))),
            lease,
            now,
          ],
        );
      }
      // An endpoint whose receiver fails is marked failing; the first answer after that marks it back, and whatever
      // waits for it on the schedule goes at once (a receiver back after an outage is not left for hours).
      const failed = [...new Set(rows.filter((x) => !x.ok && !x.gone).map((x) => x.c.endpoint_id))];
      const answered = [...new Set(rows.filter((x) => x.ok).map((x) => x.c.endpoint_id))];
      await m.query(
        `UPDATE webhook_endpoint SET failing_since = $2
         WHERE id = ANY($1::uuid[]) AND failing_since IS NULL AND NOT (id = ANY($3::uuid[]))`,
        [failed, now, answered],
      );
      await m.query(
        `WITH back AS (
           UPDATE webhook_endpoint SET failing_since = NULL WHERE id = ANY($1::uuid[]) AND failing_since IS NOT NULL
           RETURNING id)
         UPDATE webhook_delivery d SET next_attempt_at = $2
         FROM back WHERE d.endpoint_id = back.id AND d.status = 'PENDING' AND d.next_attempt_at > $2`,
        [answered, now],
      );
      const gone = [...new Set(rows.filter((x) => x.gone).map((x) => x.c.endpoint_id))];
      if (gone.length)
        await m.query(
          `UPDATE webhook_endpoint SET status = 'DISABLED', disabled_reason = '接收方回答 410 Gone：订阅已自动停用',
             updated_at = $2, version = version + 1
           WHERE id = ANY($1::uuid[]) AND status = 'ACTIVE'`,
          [gone, now],
        );
    });
  }
}
