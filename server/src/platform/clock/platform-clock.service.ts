import { Inject, Injectable } from '@nestjs/common';
import { ErrorCode, type PlatformClockDto } from '@onewindow/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { DomainException } from '../errors/domain.exception.js';

/**
 * The one source of business "now". In demo and test mode it runs at an offset
 * from real time that an administrator may set or advance; in production it is
 * the real clock and cannot be moved.
 */
@Injectable()
export class PlatformClock {
  private offsetMs = 0;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    if (config.clock.initialNow) this.offsetMs = config.clock.initialNow.getTime() - Date.now();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get adjustable(): boolean {
    return this.config.mode !== 'production';
  }

  set(at: Date): void {
    this.assertAdjustable();
    this.offsetMs = at.getTime() - Date.now();
  }

  advance(seconds: number): void {
    this.assertAdjustable();
    if (seconds < 0) throw new DomainException(ErrorCode.CLOCK_BACKWARDS, 400, '业务时钟只能向前拨动');
    this.offsetMs += seconds * 1000;
  }

  describe(): PlatformClockDto {
    return {
      now: this.now().toISOString(),
      mode: this.config.mode,
      offsetMs: this.offsetMs,
      adjustable: this.adjustable,
    };
  }

  private assertAdjustable() {
    if (!this.adjustable) {
      throw new DomainException(ErrorCode.CLOCK_FIXED_IN_PRODUCTION, 403, '生产模式下业务时钟不可调整');
    }
  }
}
