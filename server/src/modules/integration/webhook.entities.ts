import type { WebhookDeliveryStatus, WebhookEndpointStatus } from '@onewindow/shared';
import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { VersionedEntity } from '../../platform/database/versioned-entity.js';
import { ApiClientEntity } from './integration.entities.js';

/**
 * A client's subscription: where to deliver which events, and the secret deliveries are signed with (kept encrypted:
 * the server must sign with it). After a rotation the previous secret signs beside the new one until its time ends.
 * Only events of changes whose transaction began after it was made (`startsAfterTxid`) are delivered to it.
 */
@Entity('webhook_endpoint')
@Index('ix_webhook_endpoint_client', ['apiClientId'])
@Check('ck_webhook_endpoint_status', `status IN ('ACTIVE', 'DISABLED')`)
export class WebhookEndpointEntity extends VersionedEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  @ForeignKey(() => ApiClientEntity, { name: 'fk_webhook_endpoint_client' })
  apiClientId: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 100 })
  description: string;

  @Column({ type: 'jsonb' })
  eventTypes: string[];

  @Column({ type: 'varchar', length: 200 })
  secret: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  previousSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  previousSecretUntil: Date | null;

  @Column({ type: 'varchar', length: 12 })
  status: WebhookEndpointStatus;

  @Column({ type: 'varchar', length: 200, nullable: true })
  disabledReason: string | null;

  /** Since when its receiver has answered nothing but failures (null: it answers). */
  @Column({ type: 'timestamptz', nullable: true })
  failingSince: Date | null;

  @Column({ type: 'bigint' })
  startsAfterTxid: number;
}

/** Where the fan-out stands in the outbox (one row): events up to this (txid, id) have their deliveries. */
@Entity('webhook_dispatch')
@Check('ck_webhook_dispatch_single', `id = 1`)
export class WebhookDispatchEntity {
  @PrimaryColumn({ type: 'smallint' })
  id: number;

  @Column({ type: 'bigint' })
  cursorTxid: number;

  @Column({ type: 'bigint' })
  cursorId: number;
}

/** One event to one subscription: pending until the receiver answers 2xx, or given up (410, or retries spent). */
@Entity('webhook_delivery')
@Unique('uq_webhook_delivery_event', ['endpointId', 'eventId'])
@Check('ck_webhook_delivery_status', `status IN ('PENDING', 'DELIVERED', 'FAILED')`)
@Index('ix_webhook_delivery_due', ['nextAttemptAt', 'id'], { where: `status = 'PENDING'` })
@Index('ix_webhook_delivery_case', ['endpointId', 'caseId', 'id'], { where: `status = 'PENDING'` })
@Index('ix_webhook_delivery_endpoint', ['endpointId', 'id'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: number;

  @Column({ type: 'uuid' })
  @ForeignKey(() => WebhookEndpointEntity, { name: 'fk_webhook_delivery_endpoint' })
  endpointId: string;

  /** The outbox event. */
  @Column({ type: 'bigint' })
  eventId: number;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'varchar', length: 12 })
  status: WebhookDeliveryStatus;

  @Column({ type: 'int' })
  attempts: number;

  @Column({ type: 'timestamptz' })
  nextAttemptAt: Date;

  /** While an instance is sending it; a lease that ran out (the instance died) lets another take it. */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil: Date | null;

  @Column({ type: 'int', nullable: true })
  lastStatus: number | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;
}

/** Every attempt at a delivery, kept. */
@Entity('webhook_attempt')
@Index('ix_webhook_attempt_delivery', ['deliveryId', 'id'])
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: number;

  @Column({ type: 'bigint' })
  @ForeignKey(() => WebhookDeliveryEntity, { name: 'fk_webhook_attempt_delivery' })
  deliveryId: number;

  @Column({ type: 'timestamptz' })
  attemptedAt: Date;

  @Column({ type: 'int', nullable: true })
  status: number | null;

  @Column({ type: 'int' })
  durationMs: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  error: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  responseBody: string | null;

  @Column({ type: 'boolean' })
  manual: boolean;
}
