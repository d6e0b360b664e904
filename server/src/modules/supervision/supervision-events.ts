import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import { DatabaseRuntime } from '../../platform/database/database-runtime.js';
import { Metrics } from '../../platform/metrics/metrics.js';

/** What one instance tells all: the ids; each instance reads the rows itself (NOTIFY payloads are small). */
export type SupervisionSignal =
  | { type: 'run'; id: string }
  | { type: 'card'; id: string }
  | { type: 'urge'; id: string }
  /** A clerk ended a service at a window: that window's rating terminal asks for a rating (evaluation). */
  | { type: 'serviceEvent'; id: string; windowId: string }
  /** This instance listens again after losing its connection: what was published meanwhile it never heard. */
  | { type: 'resync' };

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
  private stopped = false;
  private listenedBefore = false;
  private readonly log = new Logger(SupervisionEvents.name);

  constructor(
    private readonly db: DatabaseRuntime,
    private readonly dataSource: DataSource,
    metrics: Metrics,
  ) {
    metrics.gauge('onewindow_live_channel_listeners', 'Listening connections of the live channel (1 on PostgreSQL)', {
      collect: (g) => g.set(this.listener ? 1 : 0),
    });
  }

  async onModuleInit(): Promise<void> {
    if (this.db.kind !== 'postgres') return;
    await this.listen();
  }

  /** Whether this instance hears the other instances now (for health and tests). */
  get listening(): boolean {
    return this.listener !== null;
  }

  /**
   * Exactly one listening connection, kept: when it is lost (the database restarted, the connection was killed)
   * it is replaced, retrying with a growing pause until the database answers again. A lost connection's late
   * errors are ignored; they never reach the process.
   */
  private async listen(): Promise<void> {
    for (let pause = 250; !this.stopped; pause = Math.min(pause * 2, 2000)) {
      const client = new pg.Client({ connectionString: this.db.url, keepAlive: true });
      client.on('notification', (n) => {
        if (n.channel === CHANNEL && n.payload) this.signals.next(JSON.parse(n.payload) as SupervisionSignal);
      });
      client.on('error', (e) => this.lost(client, e.message));
      client.on('end', () => this.lost(client, 'connection ended'));
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
        if (this.stopped) {
          await client.end().catch(() => undefined);
          return;
        }
        this.listener = client;
        if (this.listenedBefore) this.signals.next({ type: 'resync' });
        this.listenedBefore = true;
        return;
      } catch (e) {
        client.removeAllListeners('end');
        await client.end().catch(() => undefined);
        this.log.warn(`supervision event listener cannot connect (${(e as Error).message}); retrying`);
        await new Promise((r) => setTimeout(r, pause));
      }
    }
  }

  private lost(client: pg.Client, why: string) {
    if (this.listener !== client) return;
    this.listener = null;
    client.removeAllListeners('end');
    this.log.warn(`supervision event listener lost its connection (${why}); reconnecting`);
    void this.listen();
  }

  /** Call after the change has committed. */
  async publish(signal: SupervisionSignal): Promise<void> {
    if (this.db.kind === 'postgres')
      await this.dataSource.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(signal)]);
    else this.signals.next(signal);
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.signals.complete();
    const l = this.listener;
    this.listener = null;
    l?.removeAllListeners('end');
    await l?.end().catch(() => undefined);
  }
}
