import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** What a pg pool tells of itself (TypeORM's, on a PostgreSQL server). */
interface PoolState {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * The process's metrics in the Prometheus format (prom-client, the maintained client every Prometheus setup
 * knows): requests by route, the database pool and its outages, the sweep, the live channel, the audit seal.
 * The platform's own are defined here; modules add theirs (`counter`, `gauge`, `histogram`) with the `onewindow_`
 * prefix. docs/operations.md says what to alert on.
 */
@Injectable()
export class Metrics implements OnModuleInit {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'onewindow_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'onewindow_http_request_duration_seconds',
    help: 'Time to answer, by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly databaseUnavailable = new Counter({
    name: 'onewindow_database_unavailable_total',
    help: 'Requests answered 503 because the database could not be reached',
    registers: [this.registry],
  });

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'onewindow_process_' });
  }

  onModuleInit() {
    const pool = () =>
      (this.dataSource.driver as unknown as { master?: PoolState }).master ?? {
        totalCount: 0,
        idleCount: 0,
        waitingCount: 0,
      };
    this.gauge(
      'onewindow_db_pool_connections',
      'Connections of the app pool: open, idle, and requests waiting for one',
      {
        labelNames: ['state'],
        collect: (g) => {
          const p = pool();
          g.set({ state: 'open' }, p.totalCount);
          g.set({ state: 'idle' }, p.idleCount);
          g.set({ state: 'waiting' }, p.waitingCount);
        },
      },
    );
    this.gauge('onewindow_audit_pending_entries', 'Audit entries committed and not yet sealed into the chain', {
      collect: async (g) => {
        const [r] = await this.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM audit_pending');
        g.set(r.n);
      },
    });
  }

  /** Counts and times every answered request by its route template (never the raw URL: ids would explode it). */
  observe(fastify: FastifyInstance) {
    fastify.addHook('onResponse', (req, reply, done) => {
      const route = req.routeOptions.url ?? 'unmatched';
      const method = req.method;
      this.requests.inc({ method, route, status: String(reply.statusCode) });
      this.latency.observe({ method, route }, reply.elapsedTime / 1000);
      done();
    });
  }

  /** Whether a scrape may read the metrics: with METRICS_TOKEN set, only with `Authorization: Bearer <token>`. */
  admits(authorization: string | undefined): boolean {
    const token = this.config.metricsToken;
    return !token || authorization === `Bearer ${token}`;
  }

  counter(name: string, help: string, labelNames: string[] = []) {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  histogram(name: string, help: string, buckets: number[]) {
    return new Histogram({ name, help, buckets, registers: [this.registry] });
  }

  gauge(
    name: string,
    help: string,
    opts: { labelNames?: string[]; collect?: (g: Gauge) => void | Promise<void> } = {},
  ): Gauge {
    const collect = opts.collect;
    return new Gauge({
      name,
      help,
      labelNames: opts.labelNames ?? [],
      registers: [this.registry],
      // A metric that cannot be read now (the database away) keeps its last value; the scrape still answers.
      ...(collect
        ? {
            async collect(this: Gauge) {
              await Promise.resolve(collect(this)).catch(() => undefined);
            },
          }
        : {}),
    });
  }
}
