import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { Inject, Injectable } from '@nestjs/common';
import {
  type CreateWebhookRequest,
  type Page,
  type Principal,
  type UpdateWebhookRequest,
  type WebhookDeliveryDetailDto,
  type WebhookDeliveryDto,
  WebhookDeliveryStatus,
  type WebhookEndpointDto,
  type WebhookSecretDto,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import type { Paging } from '../../platform/http/paging.js';
import { PlatformSql } from '../../platform/outbox/platform.sql.js';
import { WebhookEndpointEntity } from './webhook.entities.js';
import { WebhookErrors } from './integration.exception.js';
import { WebhookDispatcher } from './webhook-dispatcher.service.js';
import { isPrivateAddress, WebhookUrlRefused } from './webhook-sender.js';

/** Who manages a subscription: its own client (webhooks:manage), or CENTER_ADMIN over every client's. */
type Owner = { apiClientId: string } | 'admin';

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * Subscriptions (事件推送) and their delivery log: a client subscribes its URLs to event types and gets a
 * `whsec_` signing secret (shown on creation and rotation only, kept encrypted: the server signs with it); CENTER_ADMIN
 * sees every client's, with the attempts, and may redeliver. Subscriptions live in wall-clock time, not the platform's
 * business clock: the dispatcher signs and schedules by the real clock, and a rotation's overlap is compared with it.
 */
@Injectable()
export class WebhookService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly audit: AuditService,
    private readonly dispatcher: WebhookDispatcher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(owner: Owner): Promise<WebhookEndpointDto[]> {
    const rows = await this.dataSource.manager.find(WebhookEndpointEntity, {
      where: owner === 'admin' ? {} : { apiClientId: owner.apiClientId },
      order: { createdAt: 'ASC' },
    });
    return this.dtos(this.dataSource.manager, rows);
  }

  async create(actor: RequestActor, p: Principal, dto: CreateWebhookRequest): Promise<WebhookSecretDto> {
    const url = await this.checkUrl(dto.url);
    return this.dataSource.transaction(async (m) => {
      const secret = newSecret();
      const [{ txid }] = await m.query<{ txid: string }[]>(`SELECT outbox_txid() AS txid`);
      const now = new Date();
      const e = await m.save(
        m.create(WebhookEndpointEntity, {
          apiClientId: p.id,
          url,
          description: dto.description?.trim() ?? '',
          eventTypes: [...new Set(dto.eventTypes)],
          secret: this.cipher.encrypt(secret),
          previousSecret: null,
          previousSecretUntil: null,
          status: 'ACTIVE',
          disabledReason: null,
          failingSince: null,
          startsAfterTxid: Number(txid),
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'webhook.created',
        targetType: 'webhook_endpoint',
        targetId: e.id,
        summary: { url: e.url, eventTypes: e.eventTypes },
      });
      return { endpoint: (await this.dtos(m, [e]))[0], secret };
    });
  }

  async update(actor: RequestActor, owner: Owner, id: string, dto: UpdateWebhookRequest): Promise<WebhookEndpointDto> {
    const url = dto.url !== undefined ? await this.checkUrl(dto.url) : undefined;
    return this.dataSource.transaction(async (m) => {
      const e = await this.locked(m, owner, id);
      if (url !== undefined) e.url = url;
      if (dto.eventTypes) e.eventTypes = [...new Set(dto.eventTypes)];
      if (dto.description !== undefined) e.description = dto.description.trim();
      if (dto.enabled !== undefined) {
        e.status = dto.enabled ? 'ACTIVE' : 'DISABLED';
        e.disabledReason = dto.enabled ? null : `由${actor.principal!.name}停用`;
      }
      e.updatedAt = new Date();
      await m.save(e);
      await this.audit.record(m, actor, {
        action: 'webhook.updated',
        targetType: 'webhook_endpoint',
        targetId: e.id,
        summary: { ...dto },
      });
      return (await this.dtos(m, [e]))[0];
    });
  }

  /** A new secret; the old one keeps signing beside it for `overlapHours`, so receivers can switch without a gap. */
  rotate(actor: RequestActor, owner: Owner, id: string, overlapHours: number): Promise<WebhookSecretDto> {
    return this.dataSource.transaction(async (m) => {
      const e = await this.locked(m, owner, id);
      const secret = newSecret();
      e.previousSecret = overlapHours > 0 ? e.secret : null;
      e.previousSecretUntil = overlapHours > 0 ? new Date(Date.now() + overlapHours * 3_600_000) : null;
      e.secret = this.cipher.encrypt(secret);
      e.updatedAt = new Date();
      await m.save(e);
      await this.audit.record(m, actor, {
        action: 'webhook.secret_rotated',
        targetType: 'webhook_endpoint',
        targetId: e.id,
        summary: { overlapHours },
      });
      return { endpoint: (await this.dtos(m, [e]))[0], secret };
    });
  }

  async deliveries(
    owner: Owner,
    endpointId: string,
    status: WebhookDeliveryStatus | undefined,
    paging: Paging,
  ): Promise<Page<WebhookDeliveryDto>> {
    await this.locked(this.dataSource.manager, owner, endpointId, false);
    const params: unknown[] = [endpointId];
    const filter = status ? `AND d.status = $${params.push(status)}` : '';
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(
      `SELECT count(*)::int AS total FROM webhook_delivery d WHERE d.endpoint_id = $1 ${filter}`,
      params,
    );
    const rows = await this.dataSource.query<DeliveryRow[]>(
      `${DELIVERY_SELECT} WHERE d.endpoint_id = $1 ${filter} ORDER BY d.id DESC
       LIMIT $${params.push(paging.pageSize)} OFFSET $${params.push(paging.offset)}`,
      params,
    );
    return { items: rows.map(deliveryDto), total, page: paging.page, pageSize: paging.pageSize };
  }

  async delivery(owner: Owner, id: string): Promise<WebhookDeliveryDetailDto> {
    const [row] = /^\d{1,15}$/.test(id)
      ? await this.dataSource.query<DeliveryRow[]>(`${DELIVERY_SELECT} WHERE d.id = $1`, [id])
      : [];
    if (!row) throw WebhookErrors.deliveryNotFound();
    await this.locked(this.dataSource.manager, owner, row.endpoint_id, false).catch(() => {
      throw WebhookErrors.deliveryNotFound();
    });
    const attempts = await this.dataSource.query<
      {
        attempted_at: Date;
        status: number | null;
        duration_ms: number;
        error: string | null;
        response_body: string | null;
        manual: boolean;
      }[]
    >(
      `SELECT attempted_at, status, duration_ms, error, response_body, manual FROM webhook_attempt
       WHERE delivery_id = $1 ORDER BY id`,
      [id],
    );
    const [event] = await this.dataSource.query(
      `SELECT e.id, e.txid, e.type, e.case_id, e.data, e.occurred_at FROM ${PlatformSql.outbox('e')} WHERE e.id = $1`,
      [row.event_id],
    );
    return {
      ...deliveryDto(row),
      payload: event ? JSON.parse(WebhookDispatcher.payload(event)) : null,
      attemptLog: attempts.map((a) => ({
        attemptedAt: new Date(a.attempted_at).toISOString(),
        status: a.status,
        durationMs: a.duration_ms,
        error: a.error,
        responseBody: a.response_body,
        manual: a.manual,
      })),
    };
  }

  /** 人工重新推送: one attempt now, outside the schedule; kept in the log as manual. */
  async redeliver(actor: RequestActor, owner: Owner, id: string): Promise<WebhookDeliveryDetailDto> {
    await this.delivery(owner, id);
    await this.dispatcher.redeliver(Number(id));
    await this.dataSource.transaction((m) =>
      this.audit.record(m, actor, {
        action: 'webhook.redelivered',
        targetType: 'webhook_delivery',
        targetId: id,
        summary: {},
      }),
    );
    return this.delivery(owner, id);
  }

  private async checkUrl(raw: string): Promise<string> {
    try {
      const url = this.dispatcher.sender.check(raw.trim());
      // In production a name must not resolve to an inner address either (checked again at every connection).
      if (!this.config.webhooks.allowPrivate) {
        const addresses = await lookup(url.hostname, { all: true }).catch(() => {
          throw new WebhookUrlRefused(`无法解析域名 ${url.hostname}`);
        });
        const inner = addresses.find((a) => isPrivateAddress(a.address));
        if (inner) throw new WebhookUrlRefused(`${url.hostname} 解析到内网地址 ${inner.address}`);
      }
      return url.toString();
    } catch (e) {
      if (e instanceof WebhookUrlRefused) throw WebhookErrors.urlRefused(e.message);
      throw e;
    }
  }

  private async locked(m: EntityManager, owner: Owner, id: string, lock = true): Promise<WebhookEndpointEntity> {
    const e = /^[0-9a-f-]{36}$/i.test(id)
      ? await m.findOne(WebhookEndpointEntity, {
          where: { id },
          ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    // Another client's subscription is not found, never forbidden.
    if (!e || (owner !== 'admin' && e.apiClientId !== owner.apiClientId)) throw WebhookErrors.notFound();
    return e;
  }

  private async dtos(m: EntityManager, rows: WebhookEndpointEntity[]): Promise<WebhookEndpointDto[]> {
    const counts = rows.length
      ? await m.query<{ endpoint_id: string; status: WebhookDeliveryStatus; n: number }[]>(
          `SELECT endpoint_id, status, count(*)::int AS n FROM webhook_delivery WHERE endpoint_id = ANY($1)
           GROUP BY endpoint_id, status`,
          [rows.map((r) => r.id)],
        )
      : [];
    return rows.map((e) => {
      const c = { PENDING: 0, DELIVERED: 0, FAILED: 0 } as Record<WebhookDeliveryStatus, number>;
      for (const r of counts) if (r.endpoint_id === e.id) c[r.status] = r.n;
      const previousLive = e.previousSecretUntil && e.previousSecretUntil > new Date();
      return {
        id: e.id,
        apiClientId: e.apiClientId,
        url: e.url,
        description: e.description,
        eventTypes: e.eventTypes,
        status: e.status,
        disabledReason: e.disabledReason,
        failingSince: e.failingSince?.toISOString() ?? null,
        previousSecretUntil: previousLive ? e.previousSecretUntil!.toISOString() : null,
        createdAt: e.createdAt.toISOString(),
        counts: c,
      };
    });
  }
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  type: string;
  case_id: string | null;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

const DELIVERY_SELECT = `SELECT d.id::text AS id, d.endpoint_id, d.event_id::text AS event_id, e.type, d.case_id,
  d.status, d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.created_at, d.delivered_at
  FROM webhook_delivery d JOIN ${PlatformSql.outbox('e')} ON e.id = d.event_id`;

function deliveryDto(r: DeliveryRow): WebhookDeliveryDto {
  return {
    id: r.id,
    endpointId: r.endpoint_id,
    messageId: WebhookDispatcher.messageId(r.event_id),
    eventType: r.type,
    caseId: r.case_id,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === WebhookDeliveryStatus.PENDING ? new Date(r.next_attempt_at).toISOString() : null,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: new Date(r.created_at).toISOString(),
    deliveredAt: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
  };
}
