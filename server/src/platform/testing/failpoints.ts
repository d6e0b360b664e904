import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';

/** The points where a test may make the code fail, as a crash would there. */
export type FailpointName = 'sweep.promises-marked' | 'ledger.step-written';

/**
 * Failpoints: a test arms one, and the next time the code passes it, it throws, as if the process had died there;
 * the test then shows that what was interrupted left nothing half-done. Only in test mode: elsewhere arming is
 * refused, and passing a point costs a set lookup.
 */
@Injectable()
export class Failpoints {
  private readonly armed = new Set<FailpointName>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  arm(name: FailpointName): void {
    if (this.config.mode !== 'test') throw new Error('failpoints are for tests only');
    this.armed.add(name);
  }

  /** Throws once if `name` is armed. */
  pass(name: FailpointName): void {
    if (this.armed.delete(name)) throw new Error(`failpoint ${name}`);
  }
}
