import {
  applyDecorators,
  Body,
  Controller,
  createParamDecorator,
  type ExecutionContext,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  Patch,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiScope, type CaseDto, ErrorCode, type Principal, Role } from '@onewindow/shared';
import type { FastifyReply } from 'fastify';
import { ClientScopes, Public, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, actorOf, CurrentPrincipal, type RequestActor } from '../../platform/auth/request-actor.js';
import { DomainException } from '../../platform/errors/domain.exception.js';
import { download } from '../../platform/http/download.js';
import { Paging } from '../../platform/http/paging.js';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import { CaseErrors, CaseQueryService } from '../acceptance/acceptance.module.js';
import { SubtaskQueueQueryDto, SubtaskService } from '../approval/approval.module.js';
import { ConfirmPaymentDto, PaymentService } from '../fees/fees.module.js';
import { ApiClientService } from './api-client.service.js';
import { EventFeedService } from './event-feed.service.js';
import { type IdempotentAnswer, IdempotencyService } from './idempotency.service.js';
import { IntegrationPushService } from './integration-push.service.js';
import {
  ClientDecisionDto,
  ClientDeliveryDto,
  ClientForwardAnswerDto,
  ClientForwardDto,
  ClientReviewDto,
  ClientSubtaskOpinionDto,
  CreateApiClientDto,
  CreateWebhookDto,
  EventFeedQueryDto,
  RevokeClientDto,
  RotateSecretDto,
  RotateWebhookSecretDto,
  TokenRequestDto,
  UpdateWebhookDto,
  WebhookDeliveryQueryDto,
} from './integration.dto.js';
import { IntegrationErrors } from './integration.exception.js';
import { WebhookService } from './webhook.service.js';

const uuid = new ParseUUIDPipe({ version: '4' });

/** A push route: POST under the scope, behind a required Idempotency-Key, answered 200. */
const Push = (path: string, scope: ApiScope, summary: string) =>
  applyDecorators(
    Post(path),
    HttpCode(200),
    ClientScopes(scope),
    ApiHeader({ name: 'Idempotency-Key', required: true }),
    ApiOperation({ summary }),
  );

/** What a push runs with: the actor, its Idempotency-Key, and the reply (to say a replay is one). */
interface PushRequest {
  actor: RequestActor;
  key: string | undefined;
  reply: FastifyReply;
}
const PushContext = createParamDecorator((_: unknown, ctx: ExecutionContext): PushRequest => ({
  actor: actorOf(ctx.switchToHttp().getRequest()),
  key: ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers['idempotency-key'],
  reply: ctx.switchToHttp().getResponse<FastifyReply>(),
}));

/** The answer of a push; a replay says so in `Idempotent-Replayed`. */
async function answer<T>(res: FastifyReply, pending: Promise<IdempotentAnswer<T>>): Promise<T> {
  const a = await pending;
  if (a.replayed) res.header('Idempotent-Replayed', 'true');
  return a.body;
}

/** A case of another department is not found, never forbidden: ids of others' cases do not leak. */
async function ownOnly<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof DomainException && e.code === ErrorCode.AUTH_DEPARTMENT_SCOPE) throw CaseErrors.notFound();
    throw e;
  }
}

@ApiTags('integration 接入接口（v1）')
@Controller('integration/v1')
export class IntegrationController {
  constructor(
    private readonly clients: ApiClientService,
    private readonly query: CaseQueryService,
    private readonly feed: EventFeedService,
    private readonly push: IntegrationPushService,
    private readonly webhooks: WebhookService,
    private readonly idempotency: IdempotencyService,
    private readonly subtaskQueue: SubtaskService,
    private readonly payments: PaymentService,
  ) {}

  /** A push under its key, for a case of the client's department only (another's answers 404). */
  private pushed<D extends { occurredAt?: string }>(
    r: PushRequest,
    op: string,
    id: string,
    dto: D,
    work: (a: RequestActor) => Promise<CaseDto>,
  ) {
    return answer(
      r.reply,
      this.push.run(r.actor, r.key, { op, id, dto }, dto.occurredAt, (a) => ownOnly(work(a))),
    );
  }

  @Post('oauth/token')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'OAuth 2.0 客户端凭证：以 client_id 和 client_secret（表单、JSON 或 HTTP Basic）换取访问令牌',
  })
  token(
    @Body() dto: TokenRequestDto,
    @Headers('authorization') basic: string | undefined,
    @Actor() actor: RequestActor,
  ) {
    if (dto.grant_type !== 'client_credentials') throw IntegrationErrors.grantUnsupported();
    let id = dto.client_id;
    let secret = dto.client_secret;
    if (basic?.toLowerCase().startsWith('basic ')) {
      const [u, ...rest] = Buffer.from(basic.slice(6).trim(), 'base64').toString('utf8').split(':');
      id = decodeURIComponent(u ?? '');
      secret = decodeURIComponent(rest.join(':'));
    }
    if (!id || !secret) throw IntegrationErrors.clientInvalid();
    return this.clients.token(actor, id, secret);
  }

  @Get('cases')
  @ClientScopes(ApiScope.CASES_READ)
  @ApiOperation({ summary: '本部门牵头的办件（最急的在前）' })
  cases(@Query() q: PageQueryDto, @CurrentPrincipal() p: Principal) {
    return this.query.queue(p, undefined, undefined, Paging.of(q));
  }

  @Get('cases/:id')
  @ClientScopes(ApiScope.CASES_READ)
  @ApiOperation({ summary: '办件详情（本部门牵头或协办的；其他部门的办件回答 404）' })
  case(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return ownOnly(this.query.get(p, id));
  }

  @Get('cases/:id/materials/:index/file')
  @ClientScopes(ApiScope.CASES_READ)
  @ApiOperation({ summary: '下载申请材料' })
  async material(
    @Param('id', uuid) id: string,
    @Param('index', ParseIntPipe) index: number,
    @CurrentPrincipal() p: Principal,
  ) {
    const f = await ownOnly(this.query.materialFile(p, id, index));
    return download(f.fileName, f.mediaType, f.content);
  }

  @Get('subtasks')
  @ClientScopes(ApiScope.CASES_READ)
  @ApiOperation({ summary: '本部门协办的并联审批子任务（最急的在前）；意见用 POST subtasks/:id/opinion 回传' })
  subtasks(@Query() q: SubtaskQueueQueryDto, @CurrentPrincipal() p: Principal) {
    return this.subtaskQueue.queue(p, q.state, Paging.of(q));
  }

  @Get('events')
  @ClientScopes(ApiScope.CASES_READ)
  @ApiOperation({ summary: '变更流：本部门可见的全部变更，按提交顺序；带上次的 next 续读，不漏不重' })
  events(@Query() q: EventFeedQueryDto, @CurrentPrincipal() p: Principal) {
    return this.feed.page(p, q.after, q.limit ?? 100);
  }

  @Push('cases/:id/review', ApiScope.STEPS_WRITE, '回传审查意见（与窗口人员同一规则和状态机）')
  review(@Param('id', uuid) id: string, @Body() dto: ClientReviewDto, @PushContext() r: PushRequest) {
    return this.pushed(r, 'review', id, dto, (a) => this.push.review(a, id, dto));
  }

  @Push('cases/:id/decision', ApiScope.DECISIONS_WRITE, '回传审批决定（不予许可须写明理由和依据）')
  decide(@Param('id', uuid) id: string, @Body() dto: ClientDecisionDto, @PushContext() r: PushRequest) {
    return this.pushed(r, 'decide', id, dto, (a) => this.push.decide(a, id, dto));
  }

  @Push('cases/:id/delivery', ApiScope.STEPS_WRITE, '回传送达（方式、证照编号；邮寄须写运单号）：办结')
  deliver(@Param('id', uuid) id: string, @Body() dto: ClientDeliveryDto, @PushContext() r: PushRequest) {
    return this.pushed(r, 'deliver', id, dto, (a) => this.push.deliver(a, id, dto));
  }

  @Get('payment-notices/:code')
  @ClientScopes(ApiScope.PAYMENTS_WRITE)
  @ApiOperation({ summary: '代收银行按缴款码查询缴款通知书（缴款人、执收单位、应缴金额、状态）' })
  paymentNotice(@Param('code') code: string, @CurrentPrincipal() p: Principal) {
    return this.payments.lookup(p, code);
  }

  @Push(
    'payments',
    ApiScope.PAYMENTS_WRITE,
    '代收银行确认缴款：金额须与通知书一致；同一银行流水号只记一笔；确认后自动开具电子票据并推送 payment.confirmed',
  )
  confirmPayment(@Body() dto: ConfirmPaymentDto, @PushContext() r: PushRequest) {
    return answer(
      r.reply,
      this.idempotency.run(r.actor.principal!.id, r.key, { op: 'payment', dto }, () =>
        this.payments.confirm(r.actor, dto),
      ),
    );
  }

  @Push('cases/:id/forward', ApiScope.DECISIONS_WRITE, '转报上报件：初审意见和上级机关（办结类型 4 转报）')
  forward(@Param('id', uuid) id: string, @Body() dto: ClientForwardDto, @PushContext() r: PushRequest) {
    return this.pushed(r, 'forward', id, dto, (a) => this.push.forward(a, id, dto));
  }

  @Push(
    'cases/:id/forward-answer',
    ApiScope.DECISIONS_WRITE,
    '回传上级机关对转报件的决定（批复文号；不予许可须写明理由和依据）',
  )
  forwardAnswer(@Param('id', uuid) id: string, @Body() dto: ClientForwardAnswerDto, @PushContext() r: PushRequest) {
    return this.pushed(r, 'forward-answer', id, dto, (a) => this.push.forwardAnswer(a, id, dto));
  }

  @Push('subtasks/:id/opinion', ApiScope.SUBTASKS_WRITE, '回传并联审批协办意见（同意、不同意须附依据、退回）')
  subtaskOpinion(@Param('id', uuid) id: string, @Body() dto: ClientSubtaskOpinionDto, @PushContext() r: PushRequest) {
    return this.pushed(r, 'subtask', id, dto, (a) => this.push.subtaskOpinion(a, id, dto));
  }
  @Get('webhooks')
  @ClientScopes(ApiScope.WEBHOOKS_MANAGE)
  @ApiOperation({ summary: '本应用的事件订阅' })
  webhookList(@CurrentPrincipal() p: Principal) {
    return this.webhooks.list({ apiClientId: p.id });
  }

  @Post('webhooks')
  @ClientScopes(ApiScope.WEBHOOKS_MANAGE)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({
    summary: '订阅事件推送：签名密钥（whsec_…）只在此时和更换时显示；只推送订阅之后发生的变更，之前的请读变更流',
  })
  webhookCreate(
    @Body() dto: CreateWebhookDto,
    @Headers('idempotency-key') key: string | undefined,
    @Actor() actor: RequestActor,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const p = actor.principal!;
    return answer(
      res,
      this.idempotency.run(p.id, key, { op: 'webhook', dto }, () => this.webhooks.create(actor, p, dto)),
    );
  }

  @Patch('webhooks/:id')
  @ClientScopes(ApiScope.WEBHOOKS_MANAGE)
  @ApiOperation({ summary: '修改订阅：地址、事件类型、停用或恢复' })
  webhookUpdate(@Param('id', uuid) id: string, @Body() dto: UpdateWebhookDto, @Actor() actor: RequestActor) {
    return this.webhooks.update(actor, { apiClientId: actor.principal!.id }, id, dto);
  }

  @Post('webhooks/:id/rotate-secret')
  @HttpCode(200)
  @ClientScopes(ApiScope.WEBHOOKS_MANAGE)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: '更换签名密钥：过渡期内新旧密钥同时签名（webhook-signature 中有两个签名）' })
  webhookRotate(
    @Param('id', uuid) id: string,
    @Body() dto: RotateWebhookSecretDto,
    @Headers('idempotency-key') key: string | undefined,
    @Actor() actor: RequestActor,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const p = actor.principal!;
    return answer(
      res,
      this.idempotency.run(p.id, key, { op: 'webhook-rotate', id, dto }, () =>
        this.webhooks.rotate(actor, { apiClientId: p.id }, id, dto.overlapHours),
      ),
    );
  }

  @Get('webhooks/:id/deliveries')
  @ClientScopes(ApiScope.WEBHOOKS_MANAGE)
  @ApiOperation({ summary: '订阅的推送记录（新的在前）' })
  webhookDeliveries(
    @Param('id', uuid) id: string,
    @Query() q: WebhookDeliveryQueryDto,
    @CurrentPrincipal() p: Principal,
  ) {
    return this.webhooks.deliveries({ apiClientId: p.id }, id, q.status, Paging.of(q));
  }

  @Get('webhook-deliveries/:id')
  @ClientScopes(ApiScope.WEBHOOKS_MANAGE)
  @ApiOperation({ summary: '一次推送：内容和每次尝试' })
  webhookDelivery(@Param('id') id: string, @CurrentPrincipal() p: Principal) {
    return this.webhooks.delivery({ apiClientId: p.id }, id);
  }

  @Post('webhook-deliveries/:id/redeliver')
  @HttpCode(200)
  @ClientScopes(ApiScope.WEBHOOKS_MANAGE)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: '立即重新推送一次（不改变原定的重试计划）' })
  webhookRedeliver(
    @Param('id') id: string,
    @Headers('idempotency-key') key: string | undefined,
    @Actor() actor: RequestActor,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const p = actor.principal!;
    return answer(
      res,
      this.idempotency.run(p.id, key, { op: 'redeliver', id }, () =>
        this.webhooks.redeliver(actor, { apiClientId: p.id }, id),
      ),
    );
  }
}

@ApiTags('integration 接入接口（v1）')
@Controller('integration/clients')
@Roles(Role.CENTER_ADMIN)
export class ApiClientController {
  constructor(private readonly clients: ApiClientService) {}

  @Get()
  @ApiOperation({ summary: '接入应用清单' })
  list() {
    return this.clients.list();
  }

  @Post()
  @ApiOperation({ summary: '登记接入应用：密钥只显示这一次，只存其摘要' })
  create(@Body() dto: CreateApiClientDto, @Actor() actor: RequestActor) {
    return this.clients.create(actor, dto);
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @ApiOperation({ summary: '更换密钥：新密钥只显示一次，旧密钥在过渡期内继续有效' })
  rotate(@Param('id', uuid) id: string, @Body() dto: RotateSecretDto, @Actor() actor: RequestActor) {
    return this.clients.rotate(actor, id, dto.overlapHours);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: '停用：立即不能再取令牌，已有令牌立即失效' })
  revoke(@Param('id', uuid) id: string, @Body() dto: RevokeClientDto, @Actor() actor: RequestActor) {
    return this.clients.revoke(actor, id, dto.reason);
  }
}

@ApiTags('integration 接入接口（v1）')
@Controller('integration')
@Roles(Role.CENTER_ADMIN)
export class WebhookAdminController {
  constructor(private readonly webhooks: WebhookService) {}

  @Get('webhooks')
  @ApiOperation({ summary: '全部接入应用的事件订阅' })
  list() {
    return this.webhooks.list('admin');
  }

  @Patch('webhooks/:id')
  @ApiOperation({ summary: '停用或恢复订阅' })
  update(@Param('id', uuid) id: string, @Body() dto: UpdateWebhookDto, @Actor() actor: RequestActor) {
    return this.webhooks.update(actor, 'admin', id, dto);
  }

  @Get('webhooks/:id/deliveries')
  @ApiOperation({ summary: '订阅的推送记录（新的在前）' })
  deliveries(@Param('id', uuid) id: string, @Query() q: WebhookDeliveryQueryDto) {
    return this.webhooks.deliveries('admin', id, q.status, Paging.of(q));
  }

  @Get('webhook-deliveries/:id')
  @ApiOperation({ summary: '一次推送：内容和每次尝试' })
  delivery(@Param('id') id: string) {
    return this.webhooks.delivery('admin', id);
  }

  @Post('webhook-deliveries/:id/redeliver')
  @HttpCode(200)
  @ApiOperation({ summary: '人工重新推送一次' })
  redeliver(@Param('id') id: string, @Actor() actor: RequestActor) {
    return this.webhooks.redeliver(actor, 'admin', id);
  }
}
