import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { SweepRunDto } from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { type RequestActor, systemActor } from '../../platform/auth/request-actor.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { CaseAcceptanceService, CaseDeliveryService } from '../acceptance/acceptance.module.js';
import { SubtaskService } from '../approval/approval.module.js';
import { SweepRunEntity } from './supervision.entities.js';
import { SupervisionEvents } from './supervision-events.js';
import { SweepRunService } from './sweep-run.service.js';
import { PROMISE_CARDS_SQL, SWEEP_LOCK_KEY, SWEEP_SQL } from './sweep-sql.js';
import { Failpoints } from '../../platform/testing/failpoints.js';
import { CalendarSql } from '../calendar/calendar.module.js';
import { Metrics } from '../../platform/metrics/metrics.js';

/** A run still RUNNING this long after it started was left by an instance that stopped: the next sweep closes it. */
const STRANDED_AFTER_MS = 10 * 60_000;
const INTERVAL = 'supervision-sweep';

/**
 * The supervision sweep: every minute (SWEEP_INTERVAL_SECONDS) and on demand. One runner at a time
 * across all instances (a transaction-level advisory lock; a second instance records a skipped run);
 * one statement issues the cards in one transaction, so a crash leaves nothing half-done; then the
 * clock-driven transitions (deemed acceptance, sub-tasks deemed approved, missed 容缺 promises), each its own transaction and
 * safe to repeat.
 */
@Injectable()
export class SweepService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly instance = `${hostname()}:${process.pid}`;
  private readonly log = new Logger(SweepService.name);
  private running: Promise<SweepRunDto> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: PlatformClock,
    private readonly audit: AuditService,
    private readonly acceptance: CaseAcceptanceService,
    private readonly delivery: CaseDeliveryService,
    private readonly subtasks: SubtaskService,
    private readonly events: SupervisionEvents,
    private readonly runs: SweepRunService,
    private readonly scheduler: SchedulerRegistry,
    private readonly failpoints: Failpoints,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private readonly duration = this.metrics.histogram(
    'onewindow_sweep_duration_seconds',
    'Time a sweep run took',
    [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  );
  private readonly cardsIssued = this.metrics.counter('onewindow_cards_issued_total', 'Cards the sweep issued', [
    'level',
  ]);
  private readonly lag = this.metrics.gauge(
    'onewindow_sweep_lag_seconds',
    'Business time now minus the oldest deadline crossing not yet carded (0 when none waits)',
    {
      collect: async (g) => {
        const [r] = await this.dataSource.query<{ lag: number | null }[]>(
          `SELECT extract(epoch FROM $1::timestamptz - ${CalendarSql.oldestUncardedCrossing('$1::timestamptz')})::float AS lag`,
          [this.clock.now()],
        );
        g.set(Math.max(0, r.lag ?? 0));
      },
    },
  );

  onApplicationBootstrap(): void {
    const seconds = this.config.supervision.sweepIntervalSeconds;
    if (!seconds) return;
    const timer = setInterval(
      () =>
        void this.sweep(systemActor('电子监察定时巡检')).catch((e) =>
          this.log.error(`sweep failed: ${(e as Error).message}`),
        ),
      seconds * 1000,
    );
    timer.unref();
    this.scheduler.addInterval(INTERVAL, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', INTERVAL)) this.scheduler.deleteInterval(INTERVAL);
  }

  /** Runs a sweep now; a call while this instance is sweeping waits for that sweep instead. */
  sweep(actor: RequestActor): Promise<SweepRunDto> {
    this.running ??= this.run(actor).finally(() => (this.running = null));
    return this.running;
  }

  private async run(actor: RequestActor): Promise<SweepRunDto> {
    const id = randomUUID();
    const asOf = this.clock.now();
    // Operational times of the run itself: wall-clock, unlike the business time it sweeps at.
    const startedAt = new Date();
    const issued = await this.dataSource.transaction(async (m) => {
      const [{ locked }] = await m.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SWEEP_LOCK_KEY]);
      if (!locked) return null;
      const [counts] = await m.query(SWEEP_SQL, [asOf, id]);
      await m.insert(SweepRunEntity, {
        id,
        startedAt,
        asOf,
        examined: counts.examined,
        yellow: counts.yellow,
        red: counts.red,
        instance: this.instance,
        status: 'RUNNING',
      });
      // Runs a crashed instance left RUNNING (their transitions never finished) are closed as what they were.
      await m.query(
        `UPDATE sweep_run SET status = 'FAILED', error = $1 WHERE status = 'RUNNING' AND id <> $2 AND started_at < $3`,
        ['中断：执行巡检的实例在完成前停止', id, new Date(startedAt.getTime() - STRANDED_AFTER_MS)],
      );
      if (counts.yellow + counts.red) {
        await this.audit.record(m, actor, {
          action: 'supervision.cards_issued',
          targetType: 'sweep_run',
          targetId: id,
          summary: { asOf: asOf.toISOString(), ...counts },
        });
      }
      return counts as { examined: number; yellow: number; red: number };
    });
    if (!issued) {
      await this.dataSource
        .getRepository(SweepRunEntity)
        .insert({ id, startedAt, finishedAt: new Date(), asOf, instance: this.instance, status: 'SKIPPED' });
      return this.runs.get(id);
    }
    // The transitions the clocks drive. A RED acceptance card has just been issued for each receipt
    // deemed accepted here; a missed promise gets its YELLOW card now.
    try {
      const deemedAccepted = await this.acceptance.deemOverdue(actor);
      // Sub-tasks whose silence is consent, deemed approved at their due time; their RED cards were just issued.
      const deemedApproved = await this.subtasks.deemOverdue(asOf);
      // The mark and its cards commit together: a mark without its card would keep the case from being found again.
      const promisesMissed = await this.dataSource.transaction(async (m) => {
        const missed = await this.delivery.markMissedPromises(m);
        this.failpoints.pass('sweep.promises-marked');
        return missed.length ? (await m.query<unknown[]>(PROMISE_CARDS_SQL, [missed, asOf, id])).length : 0;
      });
      await this.dataSource.getRepository(SweepRunEntity).update(id, {
        deemedAccepted,
        deemedApproved,
        promisesMissed,
        yellow: issued.yellow + promisesMissed,
        finishedAt: new Date(),
        status: 'DONE',
      });
    } catch (e) {
      await this.dataSource
        .getRepository(SweepRunEntity)
        .update(id, { status: 'FAILED', error: (e as Error).message.slice(0, 500), finishedAt: new Date() })
        .catch(() => undefined);
      throw e;
    }
    const run = await this.runs.get(id);
    this.duration.observe((Date.now() - startedAt.getTime()) / 1000);
    this.cardsIssued.inc({ level: 'YELLOW' }, run.yellow);
    this.cardsIssued.inc({ level: 'RED' }, run.red);
    await this.events.publish({ type: 'run', id });
    return run;
  }
}
