import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Principal, Role } from '@onewindow/shared';
import { AnyStaff, Public, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, CurrentPrincipal, type RequestActor } from '../../platform/auth/request-actor.js';
import { download } from '../../platform/http/download.js';
import { Uploaded, type UploadedBody } from '../../platform/files/binary-body.js';
import { RATE_LIMIT_GROUP } from '../../platform/http/rate-limit.js';
import { CaseAcceptanceService } from './case-acceptance.service.js';
import { CaseDeliveryService } from './case-delivery.service.js';
import { CaseProcedureService } from './case-procedure.service.js';
import { CASE_MATERIAL_FILE, CaseIntakeService } from './case-intake.service.js';
import { CaseQueryService } from './case-query.service.js';
import { KeyProjectService } from './key-project.service.js';
import { CaseBundleService } from './case-bundle.service.js';
import {
  AcceptBundleDto,
  AcceptCaseDto,
  BundleProgressQueryDto,
  BundleQueueQueryDto,
  DeliverBundleDto,
  SaveBundleDraftDto,
  StartBundleDto,
  WalkInBundleDto,
  CaseQueueQueryDto,
  DeliverCaseDto,
  ExtensionDecisionDto,
  MarkKeyProjectDto,
  ProgressQueryDto,
  RejectCaseDto,
  RequestExtensionDto,
  RevokeKeyProjectDto,
  SaveCaseDraftDto,
  StartOnlineCaseDto,
  SupplementCaseDto,
  SupplyCaseDto,
  SuspendCaseDto,
  WalkInCaseDto,
  WithdrawCaseDto,
} from './case.dto.js';
import { Paging } from '../../platform/http/paging.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('cases 办件')
@Controller('cases')
export class CaseController {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly acceptance: CaseAcceptanceService,
    private readonly procedures: CaseProcedureService,
    private readonly delivery: CaseDeliveryService,
    private readonly query: CaseQueryService,
  ) {}

  // ---------- reading ----------

  @Get()
  @AnyStaff()
  @ApiOperation({ summary: '工作队列：待受理、待补正、待审查、待决定、待送达；按剩余时间排序（本部门）' })
  list(@Query() q: CaseQueueQueryDto, @CurrentPrincipal() p: Principal) {
    return this.query.queue(p, q.queue, q.q, Paging.of(q), { state: q.state, from: q.from, to: q.to });
  }

  @Get('counts')
  @AnyStaff()
  @ApiOperation({ summary: '各队列的件数、预警数和超期数' })
  counts(@CurrentPrincipal() p: Principal) {
    return this.query.counts(p);
  }

  @Get('mine')
  @Roles(Role.APPLICANT)
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '我的申请和办件（含草稿）' })
  mine(@CurrentPrincipal() p: Principal) {
    return this.query.mine(p);
  }

  @Get(':id')
  @Roles(Role.APPLICANT, Role.CLERK, Role.APPROVER, Role.DEPT_LEAD, Role.CENTER_ADMIN, Role.SUPERVISOR)
  @ApiOperation({ summary: '办件详情：材料、任务、全部环节、计时和文书' })
  get(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.query.get(p, id);
  }

  @Get(':id/notices/:noticeId')
  @Roles(Role.APPLICANT, Role.CLERK, Role.APPROVER, Role.DEPT_LEAD, Role.CENTER_ADMIN, Role.SUPERVISOR)
  @ApiOperation({ summary: '下载文书（PDF）' })
  @ApiProduces('application/pdf')
  async notice(
    @Param('id', uuid) id: string,
    @Param('noticeId', uuid) noticeId: string,
    @CurrentPrincipal() p: Principal,
  ) {
    const { fileName, pdf } = await this.query.notice(p, id, noticeId);
    return download(fileName, 'application/pdf', pdf);
  }

  @Get(':id/materials/:index/file')
  @Roles(Role.APPLICANT, Role.CLERK, Role.APPROVER, Role.DEPT_LEAD, Role.CENTER_ADMIN, Role.SUPERVISOR)
  @ApiOperation({ summary: '下载申请人上传的材料（作为附件，不在浏览器中打开）' })
  async material(
    @Param('id', uuid) id: string,
    @Param('index', ParseIntPipe) index: number,
    @CurrentPrincipal() p: Principal,
  ) {
    const f = await this.query.materialFile(p, id, index);
    return download(f.fileName, f.mediaType, f.content);
  }

  // ---------- receipt ----------

  @Post()
  @Roles(Role.APPLICANT)
  @ApiOperation({ summary: '网上申请：按事项当前发布版本新建草稿' })
  async start(@Body() dto: StartOnlineCaseDto, @Actor() actor: RequestActor) {
    return this.query.get(actor.principal!, await this.intake.startOnline(actor, dto.matterCode));
  }

  @Put(':id/draft')
  @Roles(Role.APPLICANT)
  @ApiOperation({ summary: '保存草稿：申请人信息和材料清单' })
  async saveDraft(@Param('id', uuid) id: string, @Body() dto: SaveCaseDraftDto, @Actor() actor: RequestActor) {
    await this.intake.saveDraft(actor, id, dto.applicant, dto.materials);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/materials/:index')
  @Roles(Role.APPLICANT)
  @ApiOperation({
    summary: '上传一项材料（请求体为文件本身，文件名放在 X-File-Name）；PDF、JPG、PNG，≤ 10 MB，按内容核验类型',
  })
  @ApiConsumes(...CASE_MATERIAL_FILE.types)
  upload(
    @Param('id', uuid) id: string,
    @Param('index', ParseIntPipe) index: number,
    @Uploaded() upload: UploadedBody,
    @Actor() actor: RequestActor,
  ) {
    return this.intake.uploadMaterial(actor, id, index, upload);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(Role.APPLICANT)
  @ApiOperation({ summary: '提交申请：收件，出具收件回执，受理时限 5 个工作日开始计时' })
  async submit(@Param('id', uuid) id: string, @Actor() actor: RequestActor) {
    await this.intake.submit(actor, id);
    return this.query.get(actor.principal!, id);
  }

  @Post('walk-in')
  @Roles(Role.CLERK)
  @ApiOperation({ summary: '窗口收件：登记申请人并勾选材料清单（原件已核验 / 复印件已收 / 缺少 / 容缺）' })
  async walkIn(@Body() dto: WalkInCaseDto, @Actor() actor: RequestActor) {
    return this.query.get(
      actor.principal!,
      await this.intake.walkIn(actor, dto.matterCode, dto.applicant, dto.materials),
    );
  }

  @Post(':id/supply')
  @HttpCode(200)
  @Roles(Role.APPLICANT, Role.CLERK)
  @ApiOperation({ summary: '补齐补正材料：回到待受理，受理时限按剩余时间继续计算' })
  async supply(@Param('id', uuid) id: string, @Body() dto: SupplyCaseDto, @Actor() actor: RequestActor) {
    await this.intake.supply(actor, id, dto.materialIndexes);
    return this.query.get(actor.principal!, id);
  }

  // ---------- acceptance decision ----------

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(Role.CLERK)
  @ApiOperation({
    summary: '受理：生成办件编号，出具受理通知书，办理时限开始计时；即办件当场办结；有容缺材料须填写承诺日期',
  })
  async accept(@Param('id', uuid) id: string, @Body() dto: AcceptCaseDto, @Actor() actor: RequestActor) {
    await this.acceptance.accept(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles(Role.CLERK)
  @ApiOperation({ summary: '不予受理：须写明理由和法律依据，出具不予受理通知书' })
  async reject(@Param('id', uuid) id: string, @Body() dto: RejectCaseDto, @Actor() actor: RequestActor) {
    await this.acceptance.reject(actor, id, dto.reason, dto.legalBasis);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/supplement')
  @HttpCode(200)
  @Roles(Role.CLERK)
  @ApiOperation({ summary: '一次性告知补正：列出全部需补正材料，受理时限暂停' })
  async supplement(@Param('id', uuid) id: string, @Body() dto: SupplementCaseDto, @Actor() actor: RequestActor) {
    await this.acceptance.supplement(actor, id, dto.items);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/close-unsupplied')
  @HttpCode(200)
  @Roles(Role.CLERK)
  @ApiOperation({ summary: '补正不来：申请人未补正，办结（办结类型 5）' })
  async closeUnsupplied(@Param('id', uuid) id: string, @Body() dto: WithdrawCaseDto, @Actor() actor: RequestActor) {
    await this.acceptance.closeUnsupplied(actor, id, dto.reason);
    return this.query.get(actor.principal!, id);
  }

  // ---------- special procedures, extensions, delivery (review and decision: approval) ----------

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles(Role.APPROVER)
  @ApiOperation({ summary: '特别程序（第四十五条）：办理时限暂停，出具特别程序告知书' })
  async suspend(@Param('id', uuid) id: string, @Body() dto: SuspendCaseDto, @Actor() actor: RequestActor) {
    await this.procedures.suspend(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(Role.APPROVER)
  @ApiOperation({ summary: '特别程序结束：按剩余时间恢复计时' })
  async resume(@Param('id', uuid) id: string, @Actor() actor: RequestActor) {
    await this.procedures.resume(actor, id);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/extension')
  @HttpCode(200)
  @Roles(Role.CLERK, Role.APPROVER)
  @ApiOperation({ summary: '申请延期（须部门负责人批准）' })
  async requestExtension(
    @Param('id', uuid) id: string,
    @Body() dto: RequestExtensionDto,
    @Actor() actor: RequestActor,
  ) {
    await this.procedures.requestExtension(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/extension/decision')
  @HttpCode(200)
  @Roles(Role.DEPT_LEAD)
  @ApiOperation({ summary: '部门负责人批准或不批准延期；批准的出具延期告知书（不超过法定上限）' })
  async decideExtension(
    @Param('id', uuid) id: string,
    @Body() dto: ExtensionDecisionDto,
    @Actor() actor: RequestActor,
  ) {
    await this.procedures.approveExtension(actor, id, dto.approve);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @Roles(Role.CLERK)
  @ApiOperation({ summary: '送达：窗口领取、邮寄（快递公司和运单号）或电子送达；记录证照编号；办结' })
  async deliver(@Param('id', uuid) id: string, @Body() dto: DeliverCaseDto, @Actor() actor: RequestActor) {
    await this.delivery.deliver(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/deferred-materials')
  @HttpCode(200)
  @Roles(Role.APPLICANT, Role.CLERK)
  @ApiOperation({ summary: '补交容缺材料' })
  async supplyDeferred(@Param('id', uuid) id: string, @Body() dto: SupplyCaseDto, @Actor() actor: RequestActor) {
    await this.delivery.supplyDeferred(actor, id, dto.materialIndexes);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(Role.APPLICANT, Role.CLERK)
  @ApiOperation({ summary: '撤回申请（办结前）；记录保留' })
  async withdraw(@Param('id', uuid) id: string, @Body() dto: WithdrawCaseDto, @Actor() actor: RequestActor) {
    await this.delivery.withdraw(actor, id, dto.reason);
    return this.query.get(actor.principal!, id);
  }
}

@ApiTags('public 办件查询（公开）')
@Controller('public/progress')
@Public()
export class PublicProgressController {
  constructor(private readonly query: CaseQueryService) {}

  @Get()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '凭办件编号（或收件编号）和查询码查询办理进度；个人信息已遮蔽' })
  progress(@Query() q: ProgressQueryDto) {
    return this.query.progress(q.no, q.code);
  }

  @Get('notices/:noticeId')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '凭编号和查询码下载文书（PDF）' })
  @ApiProduces('application/pdf')
  async notice(@Param('noticeId', uuid) noticeId: string, @Query() q: ProgressQueryDto) {
    const { fileName, pdf } = await this.query.progressNotice(q.no, q.code, noticeId);
    return download(fileName, 'application/pdf', pdf);
  }
}

@ApiTags('key-projects 重点项目（绿色通道）')
@Controller('key-projects')
export class KeyProjectController {
  constructor(private readonly keyProjects: KeyProjectService) {}

  @Get()
  @Roles(Role.CENTER_ADMIN, Role.SUPERVISOR)
  @ApiOperation({ summary: '重点项目清单（在办的在前），含按绿色通道受理的办件数' })
  list() {
    return this.keyProjects.list();
  }

  @Post()
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({
    summary: '列为重点项目：此后受理的、带该项目代码且申请人一致的办件走绿色通道（绿色通道时限、各队列优先）',
  })
  mark(@Body() dto: MarkKeyProjectDto, @Actor() actor: RequestActor) {
    return this.keyProjects.mark(actor, dto);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '撤销重点项目（须说明理由）；已受理的办件保持原时限' })
  revoke(@Param('id', uuid) id: string, @Body() dto: RevokeKeyProjectDto, @Actor() actor: RequestActor) {
    return this.keyProjects.revoke(actor, id, dto.reason);
  }
}

@ApiTags('bundles 一件事一次办')
@Controller('bundles')
export class BundleController {
  constructor(private readonly bundles: CaseBundleService) {}

  @Get()
  @Roles(Role.CLERK, Role.CENTER_ADMIN, Role.SUPERVISOR)
  @ApiOperation({ summary: '综合窗口的一件事队列：待综合受理、办理中、待统一送达' })
  queue(@Query() q: BundleQueueQueryDto, @CurrentPrincipal() p: Principal) {
    return this.bundles.queue(p, q.queue);
  }

  @Get('mine')
  @Roles(Role.APPLICANT)
  @ApiOperation({ summary: '我的一件事申请' })
  mine(@CurrentPrincipal() p: Principal) {
    return this.bundles.mine(p);
  }

  @Get(':id')
  @Roles(Role.APPLICANT, Role.CLERK, Role.APPROVER, Role.DEPT_LEAD, Role.CENTER_ADMIN, Role.SUPERVISOR)
  @ApiOperation({ summary: '一件事详情：合并的材料清单，各事项（部门）的办理情况和文书' })
  get(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.bundles.get(p, id);
  }

  @Post()
  @Roles(Role.APPLICANT)
  @ApiOperation({ summary: '网上申请一件事：为每个事项按当前发布版本新建草稿，材料合并为一张清单' })
  async start(@Body() dto: StartBundleDto, @Actor() actor: RequestActor) {
    return this.bundles.get(actor.principal!, await this.bundles.start(actor, dto.lifeEventCode));
  }

  @Put(':id/draft')
  @Roles(Role.APPLICANT)
  @ApiOperation({ summary: '保存一件事草稿：申请人信息（各事项共用）和容缺材料' })
  async saveDraft(@Param('id', uuid) id: string, @Body() dto: SaveBundleDraftDto, @Actor() actor: RequestActor) {
    await this.bundles.saveDraft(actor, id, dto.applicant, dto.materials);
    return this.bundles.get(actor.principal!, id);
  }

  @Post(':id/materials/:index')
  @Roles(Role.APPLICANT)
  @ApiOperation({ summary: '上传合并清单中的一项材料：只传一次，用于需要它的每个事项（PDF、JPG、PNG，≤ 10 MB）' })
  @ApiConsumes(...CASE_MATERIAL_FILE.types)
  upload(
    @Param('id', uuid) id: string,
    @Param('index', ParseIntPipe) index: number,
    @Uploaded() upload: UploadedBody,
    @Actor() actor: RequestActor,
  ) {
    return this.bundles.upload(actor, id, index, upload);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles(Role.APPLICANT)
  @ApiOperation({ summary: '提交一件事：各事项同时收件（一个一件事编号、一个查询码），受理时限各自开始计时' })
  async submit(@Param('id', uuid) id: string, @Actor() actor: RequestActor) {
    await this.bundles.submit(actor, id);
    return this.bundles.get(actor.principal!, id);
  }

  @Post('walk-in')
  @Roles(Role.CLERK)
  @ApiOperation({ summary: '综合窗口收件：登记申请人，按合并清单勾选材料，各事项同时收件' })
  async walkIn(@Body() dto: WalkInBundleDto, @Actor() actor: RequestActor) {
    return this.bundles.get(
      actor.principal!,
      await this.bundles.walkIn(actor, dto.lifeEventCode, dto.applicant, dto.materials),
    );
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles(Role.CLERK)
  @ApiOperation({ summary: '综合受理：一次受理各事项（各自的办件编号、时限和协办），任一不能受理则都不受理' })
  async accept(@Param('id', uuid) id: string, @Body() dto: AcceptBundleDto, @Actor() actor: RequestActor) {
    await this.bundles.accept(actor, id, dto);
    return this.bundles.get(actor.principal!, id);
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @Roles(Role.CLERK)
  @ApiOperation({ summary: '统一送达：各事项均已作出决定后一并送达' })
  async deliver(@Param('id', uuid) id: string, @Body() dto: DeliverBundleDto, @Actor() actor: RequestActor) {
    await this.bundles.deliver(actor, id, dto);
    return this.bundles.get(actor.principal!, id);
  }
}

@ApiTags('public 办件查询（公开）')
@Controller('public/bundle-progress')
@Public()
export class PublicBundleProgressController {
  constructor(private readonly bundles: CaseBundleService) {}

  @Get()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '凭一件事编号和查询码查询各事项的办理进度；个人信息已遮蔽' })
  progress(@Query() q: BundleProgressQueryDto) {
    return this.bundles.progress(q.no, q.code);
  }
}
