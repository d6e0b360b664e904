import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { DatabaseRuntime } from '../../platform/database/database-runtime.js';

/** What one instance tells all: the ids; each instance reads the rows itself (NOTIFY payloads are small). */
export type SupervisionSignal =
  { type: 'run'; id: string } | { type: 'card'; id: string } | { type: 'urge'; id: string };

const CHANNEL = 'ow_supervision';

/**
 * Tells every server instance about new cards, urges and sweep runs. On PostgreSQL through
 * LISTEN/NOTIFY on a connection of its own, so an event raised on one instance reaches the live
 * boards connected to any other; on the embedded database (one process) directly.
 */
@Injectable()
export class SupervisionEvents implements OnModuleInit, OnModuleDestroy {
  readonly signals = new Subject<SupervisionSignal>();
  private listener: pg.Client | null = null;
  private readonly log = new Logger(SupervisionEvents.name);

  constructor(
    private readonly db: DatabaseRuntime,
    private readonly dataSource: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.db.kind !== 'postgres') return;
    await this.listen();
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.db.url });
    client.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) this.signals.next(JSON.parse(n.payload) as SupervisionSignal);
    });
    client.on('error', (e) => {
      this.log.warn(`supervision event listener lost its connection (${e.message}); reconnecting`);
      this.listener = null;
      setTimeout(() => void this.listen().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  /** Call after the change has committed. */
  async publish(signal: SupervisionSignal): Promise<void> {
    if (this.db.kind === 'postgres')
      await this.dataSource.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(signal)]);
    else this.signals.next(signal);
  }

  async onModuleDestroy(): Promise<void> {
    this.signals.complete();
    const l = this.listener;
    this.listener = null;
    l?.removeAllListeners('error');
    await l?.end().catch(() => undefined);
  }
}
