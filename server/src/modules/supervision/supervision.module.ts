import { Module } from '@nestjs/common';
import { AcceptanceModule } from '../acceptance/acceptance.module.js';
import { ApprovalModule } from '../approval/approval.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { OrganizationModule } from '../organization/organization.module.js';
import { CardService } from './card.service.js';
import { LiveAlertsService } from './live-alerts.service.js';
import { PerformanceService } from './performance.service.js';
import { SupervisionController } from './supervision.controller.js';
import { SupervisionEvents } from './supervision-events.js';
import { SweepRunService } from './sweep-run.service.js';
import { SweepService } from './sweep.service.js';
import { UrgeService } from './urge.service.js';

/** Electronic supervision (电子监察): the sweep, cards and appeals, urging, the live channel, performance and the exchange export. */
@Module({
  imports: [CalendarModule, AcceptanceModule, ApprovalModule, OrganizationModule],
  controllers: [SupervisionController],
  providers: [
    SupervisionEvents,
    SweepRunService,
    SweepService,
    CardService,
    UrgeService,
    LiveAlertsService,
    PerformanceService,
  ],
  exports: [CardService, SupervisionEvents],
})
export class SupervisionModule {}

// What other modules may use of supervision.
export { CardService } from './card.service.js';
export { SupervisionEvents } from './supervision-events.js';
export { SupervisionSql } from './supervision.sql.js';
