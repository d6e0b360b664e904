import { Module } from '@nestjs/common';
import { CalendarController, ClockController, DeadlinePolicyController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { ClockService } from './clock.service.js';
import { DeadlinePolicyService } from './deadline-policy.service.js';

/** The working-day calendar and the deadline clocks every case, sub-task and card runs on. */
@Module({
  controllers: [CalendarController, ClockController, DeadlinePolicyController],
  providers: [CalendarService, ClockService, DeadlinePolicyService],
  exports: [CalendarService, ClockService, DeadlinePolicyService],
})
export class CalendarModule {}

// What other modules may use of the calendar: its services, their types and the SQL it publishes.
export { CalendarSql } from './calendar.sql.js';
export { CalendarService } from './calendar.service.js';
export { type ClockContext, type ClockJson, ClockService } from './clock.service.js';
export { DeadlinePolicyService } from './deadline-policy.service.js';
