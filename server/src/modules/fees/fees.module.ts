import { Inject, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { AcceptanceModule, CaseExtensions } from '../acceptance/acceptance.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { OrganizationModule } from '../organization/organization.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { FeeAdjustmentService } from './fee-adjustment.service.js';
import { FeeTotalsService } from './fee-totals.service.js';
import { FeesController, PublicReceiptController } from './fees.controller.js';
import { PaymentNoticeService } from './payment-notice.service.js';
import { PaymentService } from './payment.service.js';
import { ReceiptService } from './receipt.service.js';
import { ReconciliationService } from './reconciliation.service.js';

/**
 * Unified fee collection (统一收费): assessment onto one payment notice per case, the bank's confirmations, receipts
 * from registered books, waivers and refunds with a second approval, reconciliation and totals. It plugs into the
 * case through acceptance's `CaseExtensions` (a case with unpaid fees does not conclude), as approval does.
 */
@Module({
  imports: [AcceptanceModule, CalendarModule, CatalogModule, OrganizationModule, SupervisionModule],
  controllers: [FeesController, PublicReceiptController],
  providers: [
    PaymentNoticeService,
    PaymentService,
    ReceiptService,
    FeeAdjustmentService,
    ReconciliationService,
    FeeTotalsService,
  ],
  exports: [PaymentService, PaymentNoticeService],
})
export class FeesModule implements OnModuleInit, OnApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly extensions: CaseExtensions,
    private readonly notices: PaymentNoticeService,
    private readonly reconciliation: ReconciliationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit() {
    this.extensions.register({ concluding: (m, c) => this.notices.concluding(m, c) });
    // Differences left open are carded on the sweep's rhythm (off in tests, which run it themselves).
    const seconds = this.config.supervision.sweepIntervalSeconds;
    if (seconds > 0)
      this.timer = setInterval(() => void this.reconciliation.cardOverdue().catch(() => undefined), seconds * 1000);
  }

  onApplicationShutdown() {
    if (this.timer) clearInterval(this.timer);
  }
}

// What other modules may use of fees: the bank's side of payments (integration serves it to the bank's system).
export { PaymentService } from './payment.service.js';
export { ConfirmPaymentDto } from './fees.dto.js';
