import { Inject, Injectable } from '@nestjs/common';
import { type CaseDto, CardReason, PrincipalKind } from '@onewindow/shared';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { CaseDeliveryService, CaseQueryService } from '../acceptance/acceptance.module.js';
import { CaseReviewService, SubtaskService } from '../approval/approval.module.js';
import { CardService } from '../supervision/supervision.module.js';
import { type IdempotentAnswer, IdempotencyService } from './idempotency.service.js';
import type {
  ClientDecisionDto,
  ClientDeliveryDto,
  ClientForwardAnswerDto,
  ClientForwardDto,
  ClientReviewDto,
  ClientSubtaskOpinionDto,
} from './integration.dto.js';

/**
 * What a department's system pushes: the same services, rules and state machine as the staff SPA, behind an
 * Idempotency-Key. A push may say when the act happened (`occurredAt`): kept on the step beside the server's time,
 * and one earlier than the case's previous step, or more than the configured window before it arrived, raises a RED
 * 体外循环 card for the department in the step's own transaction (`acted`).
 */
@Injectable()
export class IntegrationPushService {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reviews: CaseReviewService,
    private readonly delivery: CaseDeliveryService,
    private readonly subtasks: SubtaskService,
    private readonly query: CaseQueryService,
    private readonly cards: CardService,
    private readonly clock: PlatformClock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The push's answer under its Idempotency-Key: the work's, or the original's replayed. */
  run<T>(
    actor: RequestActor,
    key: string | undefined,
    request: unknown,
    occurredAt: string | undefined,
    work: (a: RequestActor) => Promise<T>,
  ): Promise<IdempotentAnswer<T>> {
    const at = occurredAt ? new Date(occurredAt) : undefined;
    return this.idempotency.run(actor.principal!.id, key, request, () => work({ ...actor, occurredAt: at }));
  }

  /**
   * In the transaction of every act on a case (a CaseExtensions hook): a department's system that says its act happened
   * before the case's previous step, or more than the window before the server received it, gets a RED 体外循环
   * card with the act it pushed (once per case), so an act is never on record without its card.
   */
  async acted(m: EntityManager, caseId: string, actor: RequestActor, previousAt: Date | null): Promise<void> {
    const at = actor.occurredAt;
    const p = actor.principal;
    if (!at || p?.kind !== PrincipalKind.CLIENT || !p.departmentId) return;
    const arrived = this.clock.now();
    const window = this.config.integration.offBookWindowMinutes * 60_000;
    if ((previousAt && at < previousAt) || arrived.getTime() - at.getTime() > window)
      await this.cards.violation(m, {
        reason: CardReason.OFF_BOOK,
        caseId,
        departmentId: p.departmentId,
        crossedAt: arrived,
      });
  }

  // The services read the fields they need; `occurredAt` was taken by `run` and goes no further.
  async review(actor: RequestActor, id: string, dto: ClientReviewDto): Promise<CaseDto> {
    await this.reviews.review(actor, id, { agree: dto.agree, opinion: dto.opinion });
    return this.query.get(actor.principal!, id);
  }

  async decide(actor: RequestActor, id: string, dto: ClientDecisionDto): Promise<CaseDto> {
    await this.reviews.decide(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  async forward(actor: RequestActor, id: string, dto: ClientForwardDto): Promise<CaseDto> {
    await this.reviews.forward(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  async forwardAnswer(actor: RequestActor, id: string, dto: ClientForwardAnswerDto): Promise<CaseDto> {
    await this.reviews.forwardAnswer(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  async deliver(actor: RequestActor, id: string, dto: ClientDeliveryDto): Promise<CaseDto> {
    await this.delivery.deliver(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  async subtaskOpinion(actor: RequestActor, id: string, dto: ClientSubtaskOpinionDto): Promise<CaseDto> {
    const caseId = await this.subtasks.conclude(actor, id, dto);
    return this.query.get(actor.principal!, caseId);
  }
}
