import { ApplicantModule } from '../applicant/applicant.module.js';
import { Module, type OnModuleInit } from '@nestjs/common';
import { CalendarModule, ClockSubjects } from '../calendar/calendar.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { OrganizationModule } from '../organization/organization.module.js';
import { CaseAcceptanceService } from './case-acceptance.service.js';
import { CaseDeliveryService } from './case-delivery.service.js';
import { CaseExchangeService } from './case-exchange.service.js';
import { CaseExtensions } from './case-extensions.js';
import { CaseIntakeService } from './case-intake.service.js';
import { CaseLedger } from './case-ledger.service.js';
import { CaseNoticeService } from './case-notice.service.js';
import { CaseProcedureService } from './case-procedure.service.js';
import { CaseQueryService } from './case-query.service.js';
import {
  BundleController,
  CaseController,
  KeyProjectController,
  PublicBundleProgressController,
  PublicProgressController,
} from './case.controller.js';
import { CaseBundleService } from './case-bundle.service.js';
import { KeyProjectService } from './key-project.service.js';
import { CaseEntity } from './case.entities.js';

/**
 * Acceptance (受理) and the case (办件) lifecycle: receipt, the acceptance decision, special procedures and
 * extensions, delivery and withdrawal. Modules above it (approval) plug their work in through `CaseExtensions`.
 */
@Module({
  imports: [ApplicantModule, CalendarModule, CatalogModule, OrganizationModule],
  controllers: [
    CaseController,
    PublicProgressController,
    KeyProjectController,
    BundleController,
    PublicBundleProgressController,
  ],
  providers: [
    CaseLedger,
    CaseExtensions,
    CaseNoticeService,
    CaseIntakeService,
    CaseAcceptanceService,
    CaseProcedureService,
    CaseDeliveryService,
    CaseQueryService,
    CaseExchangeService,
    KeyProjectService,
    CaseBundleService,
  ],
  exports: [
    CaseLedger,
    CaseExtensions,
    CaseNoticeService,
    CaseAcceptanceService,
    CaseProcedureService,
    CaseDeliveryService,
    CaseQueryService,
    CaseExchangeService,
  ],
})
export class AcceptanceModule implements OnModuleInit {
  constructor(private readonly clockSubjects: ClockSubjects) {}

  /** The case is the subject of its acceptance, handling and delivery clocks. */
  onModuleInit() {
    this.clockSubjects.register(['ACCEPTANCE', 'CASE', 'DELIVERY'], async (id, m) => {
      const c = await m.findOne(CaseEntity, { where: { id }, select: { id: true, departmentId: true } });
      return c && { departmentId: c.departmentId };
    });
  }
}

// What other modules may use of acceptance: the case's services, the rules every action on a case checks (who may
// act, the state machine and its errors, through CaseLedger), the extension registry, and the SQL it publishes.
export { AcceptanceSql } from './acceptance.sql.js';
export { CaseAccess } from './case-access.js';
export { CaseAcceptanceService } from './case-acceptance.service.js';
export { CaseDeliveryService } from './case-delivery.service.js';
export { CaseExchangeService } from './case-exchange.service.js';
export { type CaseExtension, CaseExtensions } from './case-extensions.js';
export { CaseLedger } from './case-ledger.service.js';
export { CaseNoticeService } from './case-notice.service.js';
export { CaseProcedureService } from './case-procedure.service.js';
export { CaseQueryService } from './case-query.service.js';
export type { CaseEntity } from './case.entities.js';
export { CaseErrors } from './case.exception.js';
export { DeliverCaseDto } from './case.dto.js';
