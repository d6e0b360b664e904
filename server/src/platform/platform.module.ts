import { createSecretKey } from 'node:crypto';
import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AuditController } from './audit/audit.controller.js';
import { AuditService } from './audit/audit.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { PasswordHasher } from './auth/password-hasher.js';
import { PrincipalRegistry } from './auth/principal-registry.js';
import { PlatformClockController } from './clock/platform-clock.controller.js';
import { PlatformClockAdmin } from './clock/platform-clock-admin.service.js';
import { PlatformClock } from './clock/platform-clock.service.js';
import { Failpoints } from './testing/failpoints.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { Metrics } from './metrics/metrics.js';
import { PersonalDataCipher } from './crypto/personal-data-cipher.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { AutonomousStatements } from './database/autonomous-statements.js';
import { DatabaseRuntime } from './database/database-runtime.js';
import { PdfRenderer } from './documents/pdf-renderer.js';
import { FileStore } from './files/file-store.service.js';
import { HealthController } from './health/health.controller.js';

/** Cross-cutting services every module may use: config, clock, auth, audit, PDF documents, stored files. No business rules. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, db: DatabaseRuntime): DynamicModule {
    return {
      module: PlatformModule,
      // A key object made once: with a plain string jsonwebtoken builds one on every request.
      imports: [JwtModule.register({ secret: createSecretKey(Buffer.from(config.auth.jwtSecret)) })],
      controllers: [AuthController, AuditController, HealthController, MetricsController, PlatformClockController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DatabaseRuntime, useValue: db },
        AutonomousStatements,
        PlatformClock,
        PlatformClockAdmin,
        PasswordHasher,
        PrincipalRegistry,
        AuthService,
        AuditService,
        PersonalDataCipher,
        PdfRenderer,
        FileStore,
        Failpoints,
        Metrics,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [
        APP_CONFIG,
        DatabaseRuntime,
        AutonomousStatements,
        PlatformClock,
        PersonalDataCipher,
        PasswordHasher,
        PrincipalRegistry,
        AuthService,
        AuditService,
        PdfRenderer,
        FileStore,
        Failpoints,
        Metrics,
      ],
    };
  }
}
