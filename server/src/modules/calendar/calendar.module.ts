import { Module } from '@nestjs/common';
import { OrganizationModule } from '../organization/organization.module.js';
import { CalendarController, ClockController, DeadlinePolicyController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { ClockReader } from './clock-reader.service.js';
import { ClockRepository } from './clock.repository.js';
import { ClockService } from './clock.service.js';
import { ClockSubjects } from './clock-subjects.js';
import { DeadlinePolicyService } from './deadline-policy.service.js';

/** The working-day calendar and the deadline clocks every case, sub-task and card runs on. */
@Module({
  imports: [OrganizationModule],
  controllers: [CalendarController, ClockController, DeadlinePolicyController],
  providers: [CalendarService, ClockRepository, ClockService, ClockReader, ClockSubjects, DeadlinePolicyService],
  exports: [CalendarService, ClockService, ClockReader, ClockSubjects, DeadlinePolicyService],
})
export class CalendarModule {}

// What other modules may use of the calendar: its services, their types and the SQL it publishes.
export { CalendarSql } from './calendar.sql.js';
export { CalendarService } from './calendar.service.js';
export { assertExtensionAllowed } from './clock-rules.js';
export { ClockReader } from './clock-reader.service.js';
export { type ClockContext, type ClockJson } from './clock.repository.js';
export { ClockService } from './clock.service.js';
export { ClockSubjects } from './clock-subjects.js';
export { DeadlinePolicyService } from './deadline-policy.service.js';
