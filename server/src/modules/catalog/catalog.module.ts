import { Module } from '@nestjs/common';
import { OrganizationModule } from '../organization/organization.module.js';
import {
  CatalogController,
  LifeEventController,
  PublicCatalogController,
  PublicLifeEventController,
} from './catalog.controller.js';
import { LifeEventService } from './life-event.service.js';
import { FeeCatalogController } from './fee-catalog.controller.js';
import { FeeCatalogService } from './fee-catalog.service.js';
import { CatalogTransferService } from './catalog-transfer.service.js';
import { CatalogService } from './catalog.service.js';
import { NotificationSheetService } from './notification-sheet.service.js';
import { PublicCatalogService } from './public-catalog.service.js';

/** The matter catalog (事项目录), service guides (办事指南) and the fee catalog (收费目录) matters reference. */
@Module({
  imports: [OrganizationModule],
  controllers: [
    CatalogController,
    PublicCatalogController,
    LifeEventController,
    PublicLifeEventController,
    FeeCatalogController,
  ],
  providers: [
    CatalogService,
    PublicCatalogService,
    CatalogTransferService,
    NotificationSheetService,
    LifeEventService,
    FeeCatalogService,
  ],
  exports: [CatalogService, PublicCatalogService, LifeEventService, FeeCatalogService],
})
export class CatalogModule {}

// What other modules may use of the catalog.
export { CatalogService } from './catalog.service.js';
export { PublicCatalogService } from './public-catalog.service.js';
export { FeeCatalogService } from './fee-catalog.service.js';
export { LifeEventService, type LifeEventInForce } from './life-event.service.js';
