import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { SupervisionModule } from './modules/supervision/supervision.module.js';
import { IntegrationModule } from './modules/integration/integration.module.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicantModule } from './modules/applicant/applicant.module.js';
import { CalendarModule } from './modules/calendar/calendar.module.js';
import { AcceptanceModule } from './modules/acceptance/acceptance.module.js';
import { ApprovalModule } from './modules/approval/approval.module.js';
import { CatalogModule } from './modules/catalog/catalog.module.js';
import { EvaluationModule } from './modules/evaluation/evaluation.module.js';
import { FeesModule } from './modules/fees/fees.module.js';
import { OrganizationModule } from './modules/organization/organization.module.js';
import type { AppConfig } from './platform/config/app-config.js';
import { dataSourceOptions } from './platform/database/data-source-options.js';
import type { DatabaseRuntime } from './platform/database/database-runtime.js';
import { PlatformModule } from './platform/platform.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, db: DatabaseRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(db.url, db.poolSize, !db.sharedSession),
          migrationsRun: config.database.runMigrations,
        }),
        ScheduleModule.forRoot(),
        PlatformModule.forRoot(config, db),
        OrganizationModule,
        ApplicantModule,
        CalendarModule,
        CatalogModule,
        AcceptanceModule,
        ApprovalModule,
        SupervisionModule,
        FeesModule,
        EvaluationModule,
        IntegrationModule,
      ],
    };
  }
}
