import { Module, type OnModuleInit } from '@nestjs/common';
import { AcceptanceModule, CaseExtensions } from '../acceptance/acceptance.module.js';
import { CalendarModule, ClockSubjects } from '../calendar/calendar.module.js';
import { OrganizationModule } from '../organization/organization.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { AssessmentService } from './assessment.service.js';
import { ComplaintService } from './complaint.service.js';
import {
  ApplicantEvaluationController,
  ComplaintController,
  EvaluationController,
  PublicEvaluationController,
  RatingTerminalController,
} from './evaluation.controller.js';
import { ComplaintEntity, RectificationEntity } from './evaluation.entities.js';
import { RatingService } from './rating.service.js';
import { ServiceEventService } from './service-event.service.js';

/**
 * Evaluation (好差评, 投诉, 考核): the windows' rating terminals and the service events they rate, online ratings of
 * concluded cases, the rectification a bad rating opens, appeals, complaints, and the assessment of windows and
 * staff. It hears the case's counter steps through acceptance's `CaseExtensions`, as approval and fees plug in.
 */
@Module({
  imports: [AcceptanceModule, CalendarModule, OrganizationModule, SupervisionModule],
  controllers: [
    RatingTerminalController,
    PublicEvaluationController,
    ApplicantEvaluationController,
    EvaluationController,
    ComplaintController,
  ],
  providers: [ServiceEventService, RatingService, ComplaintService, AssessmentService],
})
export class EvaluationModule implements OnModuleInit {
  constructor(
    private readonly extensions: CaseExtensions,
    private readonly serviceEvents: ServiceEventService,
    private readonly clockSubjects: ClockSubjects,
  ) {}

  onModuleInit() {
    this.extensions.register({ stepped: (m, c, action, actor) => this.serviceEvents.stepped(m, c, action, actor) });
    // A rectification is the subject of its RECTIFICATION clocks, a complaint of its COMPLAINT clock.
    this.clockSubjects.register(['RECTIFICATION'], async (id, m) => {
      const x = await m.findOne(RectificationEntity, { where: { id }, select: { id: true, departmentId: true } });
      return x && { departmentId: x.departmentId };
    });
    this.clockSubjects.register(['COMPLAINT'], async (id, m) => {
      const c = await m.findOne(ComplaintEntity, { where: { id }, select: { id: true, departmentId: true } });
      return c && { departmentId: c.departmentId };
    });
  }
}
