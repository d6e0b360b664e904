import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { OrganizationModule } from '../organization/organization.module.js';
import { CaseDecisionService } from './case-decision.service.js';
import { CaseExchangeService } from './case-exchange.service.js';
import { CaseIntakeService } from './case-intake.service.js';
import { CaseLedger } from './case-ledger.service.js';
import { CaseNoticeService } from './case-notice.service.js';
import { CaseQueryService } from './case-query.service.js';
import { CaseController, PublicProgressController } from './case.controller.js';

/** Acceptance (受理) and the case (办件) lifecycle: receipt, decision on acceptance, review, decision, delivery. */
@Module({
  imports: [CalendarModule, CatalogModule, OrganizationModule],
  controllers: [CaseController, PublicProgressController],
  providers: [
    CaseLedger,
    CaseNoticeService,
    CaseIntakeService,
    CaseDecisionService,
    CaseQueryService,
    CaseExchangeService,
  ],
  exports: [CaseDecisionService, CaseQueryService, CaseExchangeService],
})
export class AcceptanceModule {}

// What other modules may use of acceptance: its services and the SQL it publishes.
export { AcceptanceSql } from './acceptance.sql.js';
export { CaseDecisionService } from './case-decision.service.js';
export { CaseExchangeService } from './case-exchange.service.js';
export { CaseQueryService } from './case-query.service.js';
