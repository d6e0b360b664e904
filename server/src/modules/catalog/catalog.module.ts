import { Module } from '@nestjs/common';
import { FeesModule } from '../fees/fees.module.js';
import { OrganizationModule } from '../organization/organization.module.js';
import {
  CatalogController,
  LifeEventController,
  PublicCatalogController,
  PublicLifeEventController,
} from './catalog.controller.js';
import { LifeEventService } from './life-event.service.js';
import { CatalogTransferService } from './catalog-transfer.service.js';
import { CatalogService } from './catalog.service.js';
import { NotificationSheetService } from './notification-sheet.service.js';
import { PublicCatalogService } from './public-catalog.service.js';

/** The matter catalog (事项目录) and service guides (办事指南). */
@Module({
  imports: [FeesModule, OrganizationModule],
  controllers: [CatalogController, PublicCatalogController, LifeEventController, PublicLifeEventController],
  providers: [CatalogService, PublicCatalogService, CatalogTransferService, NotificationSheetService, LifeEventService],
  exports: [CatalogService, PublicCatalogService, LifeEventService],
})
export class CatalogModule {}

// What other modules may use of the catalog.
export { CatalogService } from './catalog.service.js';
export { PublicCatalogService } from './public-catalog.service.js';
export { LifeEventService, type LifeEventInForce } from './life-event.service.js';
