import { Module, type OnModuleInit } from '@nestjs/common';
import { AcceptanceModule, CaseExtensions } from '../acceptance/acceptance.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { OrganizationModule } from '../organization/organization.module.js';
import { ApprovalController } from './approval.controller.js';
import { ApprovalSql } from './approval.sql.js';
import { CaseReviewService } from './case-review.service.js';

/**
 * Approval (审查与决定): the review and decision tasks of a case; parallel sub-tasks for co-departments next.
 * It plugs into the case through acceptance's `CaseExtensions`, so acceptance never imports it.
 */
@Module({
  imports: [AcceptanceModule, CalendarModule, OrganizationModule],
  controllers: [ApprovalController],
  providers: [CaseReviewService],
  exports: [CaseReviewService],
})
export class ApprovalModule implements OnModuleInit {
  constructor(
    private readonly extensions: CaseExtensions,
    private readonly reviews: CaseReviewService,
  ) {}

  onModuleInit() {
    this.extensions.register({
      accepted: (m, c, actor, deemed) => this.reviews.openTasks(m, c, actor, deemed),
      withdrawn: (m, c) => this.reviews.cancelOpen(m, c),
      parts: { tasks: ApprovalSql.tasksJson('sc.id') },
      queues: {
        TO_REVIEW: `sc.state = 'IN_REVIEW' AND ${ApprovalSql.hasOpenTask('sc.id', 'REVIEW')}`,
        TO_DECIDE: `sc.state = 'IN_REVIEW' AND ${ApprovalSql.hasOpenTask('sc.id', 'DECIDE')}`,
      },
    });
  }
}

// What other modules may use of approval: its service and the SQL it publishes.
export { ApprovalSql } from './approval.sql.js';
export { CaseReviewService } from './case-review.service.js';
