import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiScope, ErrorCode, type Principal, Role } from '@onewindow/shared';
import type { FastifyReply } from 'fastify';
import { ClientScopes, Public, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, CurrentPrincipal, type RequestActor } from '../../platform/auth/request-actor.js';
import { DomainException } from '../../platform/errors/domain.exception.js';
import { download } from '../../platform/http/download.js';
import { Paging } from '../../platform/http/paging.js';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import { CaseErrors, CaseQueryService } from '../acceptance/acceptance.module.js';
import { ApiClientService } from './api-client.service.js';
import { EventFeedService } from './event-feed.service.js';
import { type IdempotentAnswer } from './idempotency.service.js';
import { IntegrationPushService } from './integration-push.service.js';
import {
  ClientDecisionDto,
  ClientReviewDto,
  ClientSubtaskOpinionDto,
  CreateApiClientDto,
  EventFeedQueryDto,
  RevokeClientDto,
  RotateSecretDto,
  TokenRequestDto,
} from './integration.dto.js';
import { IntegrationErrors } from './integration.exception.js';

const uuid = new ParseUUIDPipe({ version: '4' });

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
  ) {}

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

  @Get('events')
  @ClientScopes(ApiScope.CASES_READ)
  @ApiOperation({ summary: '变更流：本部门可见的全部变更，按提交顺序；带上次的 next 续读，不漏不重' })
  events(@Query() q: EventFeedQueryDto, @CurrentPrincipal() p: Principal) {
    return this.feed.page(p, q.after, q.limit ?? 100);
  }

  @Post('cases/:id/review')
  @HttpCode(200)
  @ClientScopes(ApiScope.STEPS_WRITE)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: '回传审查意见（与窗口人员同一规则和状态机）' })
  review(
    @Param('id', uuid) id: string,
    @Body() dto: ClientReviewDto,
    @Headers('idempotency-key') key: string | undefined,
    @Actor() actor: RequestActor,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return answer(
      res,
      this.push.run(actor, key, { op: 'review', id, dto }, dto.occurredAt, id, (a) =>
        ownOnly(this.push.review(a, id, dto)),
      ),
    );
  }

  @Post('cases/:id/decision')
  @HttpCode(200)
  @ClientScopes(ApiScope.DECISIONS_WRITE)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: '回传审批决定（不予许可须写明理由和依据）' })
  decide(
    @Param('id', uuid) id: string,
    @Body() dto: ClientDecisionDto,
    @Headers('idempotency-key') key: string | undefined,
    @Actor() actor: RequestActor,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return answer(
      res,
      this.push.run(actor, key, { op: 'decide', id, dto }, dto.occurredAt, id, (a) =>
        ownOnly(this.push.decide(a, id, dto)),
      ),
    );
  }

  @Post('subtasks/:id/opinion')
  @HttpCode(200)
  @ClientScopes(ApiScope.SUBTASKS_WRITE)
  @ApiHeader({ name: 'Idempotency-Key', required: true })
  @ApiOperation({ summary: '回传并联审批协办意见（同意、不同意须附依据、退回）' })
  subtaskOpinion(
    @Param('id', uuid) id: string,
    @Body() dto: ClientSubtaskOpinionDto,
    @Headers('idempotency-key') key: string | undefined,
    @Actor() actor: RequestActor,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return answer(
      res,
      this.push.run(actor, key, { op: 'subtask', id, dto }, dto.occurredAt, null, (a) =>
        ownOnly(this.push.subtaskOpinion(a, id, dto)),
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
