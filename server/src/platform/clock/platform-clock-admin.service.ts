import { Injectable } from '@nestjs/common';
import type { PlatformClockDto } from '@onewindow/shared';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { RequestActor } from '../auth/request-actor.js';
import { PlatformClock } from './platform-clock.service.js';

/** Moving business time (demo and test mode only), audited. */
@Injectable()
export class PlatformClockAdmin {
  constructor(
    private readonly clock: PlatformClock,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  set(actor: RequestActor, at: Date): Promise<PlatformClockDto> {
    return this.change(actor, { setTo: at.toISOString() }, () => this.clock.set(at));
  }

  advance(actor: RequestActor, seconds: number): Promise<PlatformClockDto> {
    return this.change(actor, { advancedSeconds: seconds }, () => this.clock.advance(seconds));
  }

  private async change(
    actor: RequestActor,
    summary: Record<string, unknown>,
    apply: () => void,
  ): Promise<PlatformClockDto> {
    const before = this.clock.now().toISOString();
    apply();
    await this.dataSource.transaction((m) =>
      this.audit.record(m, actor, {
        action: 'platform.clock_changed',
        targetType: 'platform_clock',
        targetId: null,
        summary: { ...summary, before, after: this.clock.now().toISOString() },
      }),
    );
    return this.clock.describe();
  }
}
