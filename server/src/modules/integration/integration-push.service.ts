import { Inject, Injectable } from '@nestjs/common';
import { type CaseDto, CardReason } from '@onewindow/shared';
import { DataSource } from 'typeorm';
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
 * 体外循环 card for the department once the push has gone through.
 */
@Injectable()
export class IntegrationPushService {
  constructor(
    private readonly dataSource: DataSource,
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
    caseId: string | null,
    work: (a: RequestActor) => Promise<T & { id?: string; steps?: CaseDto['steps'] }>,
  ): Promise<IdempotentAnswer<T>> {
    const p = actor.principal!;
    return this.idempotency.run(p.id, key, request, async () => {
      const at = occurredAt ? new Date(occurredAt) : undefined;
      const previous = at && caseId ? (await this.query.get(p, caseId).catch(() => null))?.steps.at(-1)?.at : undefined;
      const out = await work({ ...actor, occurredAt: at });
      const arrived = this.clock.now();
      const window = this.config.integration.offBookWindowMinutes * 60_000;
      const offBook = at && ((previous && at < new Date(previous)) || arrived.getTime() - at.getTime() > window);
      if (offBook && p.departmentId)
        await this.dataSource.transaction((m) =>
          this.cards.violation(m, {
            reason: CardReason.OFF_BOOK,
            caseId: caseId ?? out.id ?? null,
            departmentId: p.departmentId!,
            crossedAt: arrived,
          }),
        );
      return out;
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
