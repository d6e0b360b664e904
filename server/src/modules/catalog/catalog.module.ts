import { Module } from '@nestjs/common';
import { FeesModule } from '../fees/fees.module.js';
import { OrganizationModule } from '../organization/organization.module.js';
import { CatalogController, PublicCatalogController } from './catalog.controller.js';
import { CatalogTransferService } from './catalog-transfer.service.js';
import { CatalogService } from './catalog.service.js';
import { NotificationSheetService } from './notification-sheet.service.js';
import { PublicCatalogService } from './public-catalog.service.js';

/** The matter catalog (事项目录) and service guides (办事指南). */
@Module({
  imports: [FeesModule, OrganizationModule],
  controllers: [CatalogController, PublicCatalogController],
  providers: [CatalogService, PublicCatalogService, CatalogTransferService, NotificationSheetService],
  exports: [CatalogService, PublicCatalogService],
})
export class CatalogModule {}

// What other modules may use of the catalog.
export { CatalogService } from './catalog.service.js';
export { PublicCatalogService } from './public-catalog.service.js';
