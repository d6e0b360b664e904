import { Module, type OnModuleInit } from '@nestjs/common';
import { PrincipalKind } from '@onewindow/shared';
import { PrincipalRegistry } from '../../platform/auth/principal-registry.js';
import { AcceptanceModule, CaseExtensions } from '../acceptance/acceptance.module.js';
import { FeesModule } from '../fees/fees.module.js';
import { ApprovalModule } from '../approval/approval.module.js';
import { OrganizationModule } from '../organization/organization.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { ApiClientService } from './api-client.service.js';
import { EventFeedService } from './event-feed.service.js';
import { IdempotencyService } from './idempotency.service.js';
import { ApiClientController, IntegrationController, WebhookAdminController } from './integration.controller.js';
import { IntegrationPushService } from './integration-push.service.js';
import { WebhookService } from './webhook.service.js';
import { WebhookDispatcher } from './webhook-dispatcher.service.js';

/**
 * Integration (外网受理、内网办理、外网反馈): machine clients of departments' systems and the bank, their tokens and
 * scopes, the change feed over the outbox, and pushes behind Idempotency-Keys. It sits above the business modules and
 * calls their services; nothing below depends on it.
 */
@Module({
  imports: [AcceptanceModule, ApprovalModule, FeesModule, OrganizationModule, SupervisionModule],
  controllers: [IntegrationController, ApiClientController, WebhookAdminController],
  providers: [
    ApiClientService,
    IdempotencyService,
    EventFeedService,
    IntegrationPushService,
    WebhookService,
    WebhookDispatcher,
  ],
})
export class IntegrationModule implements OnModuleInit {
  constructor(
    private readonly registry: PrincipalRegistry,
    private readonly clients: ApiClientService,
    private readonly extensions: CaseExtensions,
    private readonly push: IntegrationPushService,
  ) {}

  onModuleInit() {
    this.registry.register(PrincipalKind.CLIENT, (id, m) => this.clients.resolvePrincipal(id, m));
    this.extensions.register({ acted: (m, c, actor, previousAt) => this.push.acted(m, c.id, actor, previousAt) });
  }
}
