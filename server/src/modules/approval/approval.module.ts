import { Module, type OnModuleInit } from '@nestjs/common';
import { AcceptanceModule, CaseExtensions } from '../acceptance/acceptance.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { OrganizationModule } from '../organization/organization.module.js';
import { ApprovalController, InspectionController, SubtaskController } from './approval.controller.js';
import { InspectionService } from './inspection.service.js';
import { ApprovalSql } from './approval.sql.js';
import { CaseReviewService } from './case-review.service.js';
import { SubtaskService } from './subtask.service.js';
import { ClockSubjects } from '../calendar/calendar.module.js';
import { CaseSubtaskEntity } from './approval.entities.js';

/**
 * Approval (审查与决定): the review and decision tasks of a case, and the co-departments' parallel sub-tasks (并联审批).
 * It plugs into the case through acceptance's `CaseExtensions`, so acceptance never imports it.
 */
@Module({
  imports: [AcceptanceModule, CalendarModule, OrganizationModule],
  controllers: [ApprovalController, SubtaskController, InspectionController],
  providers: [CaseReviewService, SubtaskService, InspectionService],
  exports: [CaseReviewService, SubtaskService],
})
export class ApprovalModule implements OnModuleInit {
  constructor(
    private readonly extensions: CaseExtensions,
    private readonly reviews: CaseReviewService,
    private readonly subtasks: SubtaskService,
    private readonly clockSubjects: ClockSubjects,
  ) {}

  onModuleInit() {
    this.extensions.register({
      accepted: async (m, c, actor, deemed, content) => {
        await this.reviews.openTasks(m, c, actor, deemed);
        await this.subtasks.open(m, c, actor, content);
      },
      withdrawn: async (m, c, actor) => {
        await this.reviews.cancelOpen(m, c);
        await this.subtasks.cancelOpen(m, c, actor);
      },
      suspended: (m, c, actor, pause) => this.subtasks.pauseOpen(m, c, actor, pause),
      resumed: (m, c, actor) => this.subtasks.resumeOpen(m, c, actor),
      parts: {
        tasks: ApprovalSql.tasksJson('sc.id'),
        subtasks: ApprovalSql.subtasksJson('sc.id'),
        inspections: ApprovalSql.inspectionsJson('sc.id'),
      },
      progressParts: { coDepartments: ApprovalSql.subtaskProgressJson('sc.id') },
      exchangeParts: { subtasks: ApprovalSql.subtaskExchangeJson('sc.id') },
      clockIds: ApprovalSql.subtaskClockIds('sc.id'),
      readers: ApprovalSql.subtaskDepartments('sc.id'),
      queues: {
        TO_REVIEW: `sc.state = 'IN_REVIEW' AND ${ApprovalSql.hasOpenTask('sc.id', 'REVIEW')}`,
        TO_DECIDE: `sc.state = 'IN_REVIEW' AND ${ApprovalSql.hasOpenTask('sc.id', 'DECIDE')}`,
      },
    });
    // A sub-task is the subject of its SUBTASK clock, in its co-department.
    this.clockSubjects.register(['SUBTASK'], async (id, m) => {
      const st = await m.findOne(CaseSubtaskEntity, { where: { id }, select: { id: true, departmentId: true } });
      return st && { departmentId: st.departmentId };
    });
  }
}

// What other modules may use of approval: its service and the SQL it publishes.
export { ApprovalSql } from './approval.sql.js';
export { CaseReviewService } from './case-review.service.js';
export { SubtaskService } from './subtask.service.js';
export {
  DecideCaseDto,
  ForwardAnswerDto,
  ForwardCaseDto,
  ReviewCaseDto,
  SubtaskOpinionDto,
  SubtaskQueueQueryDto,
} from './approval.dto.js';
