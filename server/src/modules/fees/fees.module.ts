import { Module } from '@nestjs/common';
import { FeeCatalogController } from './fees.controller.js';
import { FeeCatalogService } from './fee-catalog.service.js';

/** Unified fee collection (统一收费). For now: the fee catalog that matters reference. */
@Module({
  controllers: [FeeCatalogController],
  providers: [FeeCatalogService],
  exports: [FeeCatalogService],
})
export class FeesModule {}

// What other modules may use of fees.
export { FeeCatalogService } from './fee-catalog.service.js';
