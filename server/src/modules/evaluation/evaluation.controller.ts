import {
  Body,
  Controller,
  Get,
  Headers,
  type MessageEvent,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Sse,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiHeader, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Principal, Role } from '@onewindow/shared';
import { from, interval, map, merge, type Observable, concatMap } from 'rxjs';
import { AnyStaff, Public, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, CurrentPrincipal, type RequestActor, systemActor } from '../../platform/auth/request-actor.js';
import { XLSX } from '../../platform/files/file-types.js';
import { download } from '../../platform/http/download.js';
import { RATE_LIMIT_GROUP } from '../../platform/http/rate-limit.js';
import { writeAssessmentWorkbook } from './assessment-workbook.js';
import { AssessmentService } from './assessment.service.js';
import { ComplaintService } from './complaint.service.js';
import {
  AnswerComplaintDto,
  AppealQueryDto,
  AppealRatingDto,
  AssessmentQueryDto,
  AssignComplaintDto,
  AwardProposalQueryDto,
  CaseCodeDto,
  CloseComplaintDto,
  ComplaintQueryDto,
  ConfirmAwardDto,
  ConsultationDto,
  DayRangeQueryDto,
  DecideAppealDto,
  DecideSchemeDto,
  FileComplaintDto,
  IssueTerminalDto,
  OnsiteRatingDto,
  OptionalNoteDto,
  OptionalPeriodQueryDto,
  PeriodQueryDto,
  ProposeSchemeDto,
  PublicCaseRatingDto,
  RateByCodeDto,
  RatingQueryDto,
  RecordRectificationDto,
  RecordVisitDto,
  RectificationQueryDto,
  RegisterComplaintDto,
  SubmitRatingDto,
  TERMINAL_HEADER,
  UpdateComplaintRoutesDto,
} from './evaluation.dto.js';
import { RatingService } from './rating.service.js';
import { ServiceEventService } from './service-event.service.js';

const uuid = new ParseUUIDPipe({ version: '4' });
const { CLERK, APPROVER, DEPT_LEAD, CENTER_ADMIN, SUPERVISOR, APPLICANT } = Role;
const HEARTBEAT_MS = 25_000;
const TerminalHeader = () =>
  ApiHeader({ name: TERMINAL_HEADER, required: true, description: '评价器令牌（窗口工作台绑定时显示一次）' });

/** The window's rating terminal (评价器): no login, bound to its window by the token its clerk's desk issued. */
@ApiTags('public 好差评与投诉（公开）')
@Controller('public/rating-terminal')
@Public()
export class RatingTerminalController {
  constructor(
    private readonly events: ServiceEventService,
    private readonly ratings: RatingService,
  ) {}

  @Get()
  @TerminalHeader()
  @ApiOperation({ summary: '评价器：所在窗口、部门，和正在等待评价的服务（没有则为空）' })
  status(@Headers(TERMINAL_HEADER) token: string | undefined) {
    return this.events.status(token);
  }

  @Sse('events')
  @TerminalHeader()
  @ApiOperation({ summary: '评价器实时推送（server-sent events）：本窗口工作人员结束一次服务，立即请申请人评价' })
  async stream(@Headers(TERMINAL_HEADER) token: string | undefined): Promise<Observable<MessageEvent>> {
    const t = await this.events.terminal(token);
    return merge(
      // What was waiting when the terminal (re)connected, then every new service as it ends.
      from(this.events.pending(t.windowId)).pipe(concatMap((p) => (p ? [{ type: 'service', data: p }] : []))),
      this.events.stream(t.windowId).pipe(map((p) => ({ type: 'service', data: p }))),
      interval(HEARTBEAT_MS).pipe(map(() => ({ type: 'heartbeat', data: '' }))),
    );
  }

  @Post('ratings')
  @TerminalHeader()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '一次一评：评价本窗口刚结束的服务（每次服务只能评价一次）' })
  rate(@Headers(TERMINAL_HEADER) token: string | undefined, @Body() dto: OnsiteRatingDto) {
    const { eventId, ...body } = dto;
    return this.ratings.rateOnsite(token, eventId, body);
  }
}

/** 一事一评 and 投诉 by whoever holds a number and query code, or anonymously. */
@ApiTags('public 好差评与投诉（公开）')
@Controller('public')
@Public()
export class PublicEvaluationController {
  constructor(
    private readonly ratings: RatingService,
    private readonly complaints: ComplaintService,
  ) {}

  @Get('case-rating')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '凭办件编号和查询码：能否评价、已有的评价和差评整改情况' })
  caseRating(@Query() q: CaseCodeDto) {
    return this.ratings.caseStateByCode(q.no, q.code);
  }

  @Post('case-rating')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '一事一评：凭编号和查询码评价已办结的办件（每件一次）' })
  rateCase(@Body() dto: PublicCaseRatingDto) {
    const { no, code, ...body } = dto;
    return this.ratings.rateByCode(no, code, body);
  }

  @Post('case-rating/follow-up')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '评价差评的整改结果（整改完成后一次）' })
  followUp(@Body() dto: RateByCodeDto) {
    return this.ratings.followUpByCode(dto.no, dto.code, dto.level, dto.comment);
  }

  @Post('complaints')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({
    summary: '网上投诉（无需登录；匿名投诉须留手机号码）：返回投诉编号和查询码，凭此查询答复',
  })
  file(@Body() dto: FileComplaintDto) {
    return this.complaints.file({ actor: systemActor('网上投诉'), channel: 'ONLINE', accountId: null }, dto);
  }

  @Get('complaints')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '凭投诉编号和查询码查询投诉的办理和答复' })
  complaint(@Query() q: CaseCodeDto) {
    return this.complaints.publicView(q.no, q.code);
  }

  @Post('complaints/rating')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '投诉人评价投诉的答复（办结后一次）' })
  rateComplaint(@Body() dto: RateByCodeDto) {
    return this.complaints.rate(dto.no, dto.code, dto.level, dto.comment);
  }
}

/** The logged-in applicant: rating their own case, complaining under their account. */
@ApiTags('evaluation 好差评')
@Controller()
export class ApplicantEvaluationController {
  constructor(
    private readonly ratings: RatingService,
    private readonly complaints: ComplaintService,
  ) {}

  @Get('cases/:id/rating')
  @Roles(APPLICANT)
  @ApiOperation({ summary: '本人办件的评价：能否评价、已有的评价和差评整改情况' })
  caseRating(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.ratings.ownCaseState(p, id);
  }

  @Post('cases/:id/rating')
  @Roles(APPLICANT)
  @ApiOperation({ summary: '一事一评：评价本人已办结的办件（每件一次）' })
  rateCase(@Param('id', uuid) id: string, @Body() dto: SubmitRatingDto, @Actor() actor: RequestActor) {
    return this.ratings.rateOwnCase(actor, id, dto);
  }

  @Post('complaints/mine')
  @Roles(APPLICANT)
  @ApiOperation({ summary: '以本人账号投诉：返回投诉编号和查询码' })
  file(@Body() dto: FileComplaintDto, @Actor() actor: RequestActor) {
    return this.complaints.file({ actor, channel: 'ONLINE', accountId: actor.principal!.id }, dto);
  }
}

@ApiTags('evaluation 好差评')
@Controller('evaluation')
export class EvaluationController {
  constructor(
    private readonly events: ServiceEventService,
    private readonly ratings: RatingService,
    private readonly assessments: AssessmentService,
  ) {}

  @Post('terminals')
  @Roles(CLERK, APPROVER, DEPT_LEAD, CENTER_ADMIN)
  @ApiOperation({
    summary: '绑定评价器：为本人窗口（部门负责人、中心管理员可为所管窗口）生成评价器令牌和页面地址，只显示一次',
  })
  issueTerminal(@Body() dto: IssueTerminalDto, @Actor() actor: RequestActor) {
    return this.events.issueTerminal(actor, dto.windowId);
  }

  @Get('terminals')
  @AnyStaff()
  @ApiOperation({ summary: '评价器列表（部门工作人员只看本部门窗口）' })
  terminals(@Query() dto: IssueTerminalDto, @CurrentPrincipal() p: Principal) {
    return this.events.terminals(p, dto.windowId);
  }

  @Post('terminals/:id/revoke')
  @Roles(CLERK, APPROVER, DEPT_LEAD, CENTER_ADMIN)
  @ApiOperation({ summary: '停用评价器（平板丢失、更换）：其令牌立即失效' })
  revokeTerminal(@Param('id', uuid) id: string, @Actor() actor: RequestActor) {
    return this.events.revokeTerminal(actor, id);
  }

  @Post('consultations')
  @Roles(CLERK, APPROVER, DEPT_LEAD)
  @ApiOperation({ summary: '结束一次咨询服务：本窗口评价器随即请申请人评价' })
  consultation(@Body() dto: ConsultationDto, @Actor() actor: RequestActor) {
    return this.events.consultation(actor, dto.matterName?.trim() || null);
  }

  @Get('ratings')
  @Roles(DEPT_LEAD, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '评价列表（不含评价人身份；部门负责人只看本部门）' })
  list(@Query() q: RatingQueryDto, @CurrentPrincipal() p: Principal) {
    return this.ratings.list(p, { ...q, bad: q.bad === undefined ? undefined : q.bad === 'true' });
  }

  @Post('ratings/:id/appeal')
  @Roles(DEPT_LEAD)
  @ApiOperation({ summary: '申诉复核：部门认为评价系恶意或错误，附证据申请复核（每条评价一次）' })
  appeal(@Param('id', uuid) id: string, @Body() dto: AppealRatingDto, @Actor() actor: RequestActor) {
    return this.ratings.appeal(actor, id, dto.reason, dto.evidence);
  }

  @Get('appeals')
  @Roles(DEPT_LEAD, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '差评申诉列表（部门负责人只看本部门）' })
  appeals(@Query() q: AppealQueryDto, @CurrentPrincipal() p: Principal) {
    return this.ratings.appeals(p, q.state);
  }

  @Post('appeals/:id/decision')
  @Roles(SUPERVISOR)
  @ApiOperation({ summary: '复核申诉：成立的，评价不计入统计（记录保留），整改撤销；驳回的照常计入' })
  decideAppeal(@Param('id', uuid) id: string, @Body() dto: DecideAppealDto, @Actor() actor: RequestActor) {
    return this.ratings.decideAppeal(actor, id, dto.uphold, dto.reason);
  }

  @Get('rectifications')
  @Roles(CLERK, APPROVER, DEPT_LEAD, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '差评整改：回访、整改及其时限（部门工作人员只看本部门）' })
  rectifications(@Query() q: RectificationQueryDto, @CurrentPrincipal() p: Principal) {
    return this.ratings.rectifications(p, q);
  }

  @Get('rectifications/:id')
  @Roles(CLERK, APPROVER, DEPT_LEAD, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '一件差评整改的全部经过' })
  rectification(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.ratings.rectification(p, id);
  }

  @Post('rectifications/:id/visit')
  @Roles(DEPT_LEAD)
  @ApiOperation({ summary: '记录回访，开始整改时限（5–15 个工作日）' })
  visit(@Param('id', uuid) id: string, @Body() dto: RecordVisitDto, @Actor() actor: RequestActor) {
    return this.ratings.visit(actor, id, dto.note, dto.rectifyWorkingDays);
  }

  @Post('rectifications/:id/rectify')
  @Roles(DEPT_LEAD)
  @ApiOperation({ summary: '记录整改结果：申请人随即可评价整改' })
  rectify(@Param('id', uuid) id: string, @Body() dto: RecordRectificationDto, @Actor() actor: RequestActor) {
    return this.ratings.rectify(actor, id, dto.note);
  }

  @Get('exchange')
  @Roles(SUPERVISOR, CENTER_ADMIN)
  @ApiOperation({ summary: '好差评数据交换（国家好差评系统的格式，不含评价人身份）' })
  exchange(@Query() q: DayRangeQueryDto) {
    return this.ratings.exchange(q);
  }

  @Get('assessment')
  @Roles(SUPERVISOR, CENTER_ADMIN, DEPT_LEAD)
  @ApiOperation({ summary: '窗口、工作人员考核：按季度或年度的各项比率、得分及其构成、名次（部门负责人只看本部门）' })
  assessment(@Query() q: AssessmentQueryDto, @CurrentPrincipal() p: Principal) {
    return this.assessments.assess(p, q);
  }

  @Get('assessment.xlsx')
  @Roles(SUPERVISOR, CENTER_ADMIN, DEPT_LEAD)
  @ApiOperation({ summary: '考核排名导出（Excel：排名、得分构成、说明）' })
  @ApiProduces(XLSX)
  async assessmentWorkbook(@Query() q: AssessmentQueryDto, @CurrentPrincipal() p: Principal) {
    const a = await this.assessments.assess(p, q);
    const what = a.subject === 'WINDOW' ? '窗口' : '工作人员';
    return download(`${what}考核-${a.period}.xlsx`, XLSX, await writeAssessmentWorkbook(a));
  }

  @Get('assessment/mine')
  @AnyStaff()
  @ApiOperation({ summary: '本人的考核得分及其构成（没有办件、评价的为空）' })
  mine(@Query() q: PeriodQueryDto, @CurrentPrincipal() p: Principal) {
    return this.assessments.mine(p, q.period);
  }

  @Get('satisfaction')
  @Roles(SUPERVISOR, CENTER_ADMIN, DEPT_LEAD)
  @ApiOperation({ summary: '满意率趋势：按月和按部门的有效评价数、满意数、满意率（部门负责人只看本部门）' })
  satisfaction(@Query() q: DayRangeQueryDto, @CurrentPrincipal() p: Principal) {
    return this.assessments.trend(p, q);
  }

  @Get('schemes')
  @Roles(SUPERVISOR, CENTER_ADMIN)
  @ApiOperation({ summary: '考核方案的各个版本（权重、扣分、评选最低标准）' })
  schemes() {
    return this.assessments.schemes();
  }

  @Post('schemes')
  @Roles(CENTER_ADMIN)
  @ApiOperation({ summary: '提出新的考核方案（待监察室签认后生效）' })
  proposeScheme(@Body() dto: ProposeSchemeDto, @Actor() actor: RequestActor) {
    return this.assessments.proposeScheme(actor, dto);
  }

  @Post('schemes/:version/decision')
  @Roles(SUPERVISOR)
  @ApiOperation({ summary: '签认或驳回考核方案（不能签认自己提出的）' })
  decideScheme(
    @Param('version', new ParseIntPipe()) version: number,
    @Body() dto: DecideSchemeDto,
    @Actor() actor: RequestActor,
  ) {
    return this.assessments.decideScheme(actor, version, dto.approve, dto.note);
  }

  @Get('awards')
  @AnyStaff()
  @ApiOperation({ summary: '红旗窗口、服务标兵评选结果' })
  awards(@Query() q: OptionalPeriodQueryDto) {
    return this.assessments.awards(q.period);
  }

  @Get('awards/proposal')
  @Roles(SUPERVISOR, CENTER_ADMIN)
  @ApiOperation({ summary: '评选建议：得分前 N 名中达到每项最低标准的' })
  proposeAward(@Query() q: AwardProposalQueryDto, @CurrentPrincipal() p: Principal) {
    return this.assessments.proposeAward(p, q.kind, q.period, q.n);
  }

  @Post('awards')
  @Roles(SUPERVISOR)
  @ApiOperation({ summary: '确认评选结果（不符合条件的被拒绝）' })
  confirmAward(@Body() dto: ConfirmAwardDto, @Actor() actor: RequestActor) {
    return this.assessments.confirmAward(actor, dto.kind, dto.period, dto.subjectIds, dto.note);
  }
}

@ApiTags('complaints 投诉')
@Controller('complaints')
export class ComplaintController {
  constructor(private readonly complaints: ComplaintService) {}

  @Post()
  @Roles(SUPERVISOR, CENTER_ADMIN, CLERK)
  @ApiOperation({ summary: '登记 12345 热线、来信、来访的投诉' })
  register(@Body() dto: RegisterComplaintDto, @Actor() actor: RequestActor) {
    const { channel, externalRef, ...body } = dto;
    return this.complaints.file({ actor, channel, accountId: null, externalRef }, body);
  }

  @Get()
  @Roles(SUPERVISOR, CENTER_ADMIN, DEPT_LEAD, CLERK, APPROVER)
  @ApiOperation({ summary: '投诉列表（监察室看全部；部门只看交本部门办理的）' })
  list(@Query() q: ComplaintQueryDto, @CurrentPrincipal() p: Principal) {
    return this.complaints.list(p, q);
  }

  @Get('routes')
  @Roles(SUPERVISOR, CENTER_ADMIN)
  @ApiOperation({ summary: '投诉分办规则：各类投诉由哪个机构办理' })
  routes() {
    return this.complaints.routes();
  }

  @Put('routes')
  @Roles(CENTER_ADMIN)
  @ApiOperation({ summary: '修改投诉分办规则（只影响此后的投诉）' })
  setRoutes(@Body() dto: UpdateComplaintRoutesDto, @Actor() actor: RequestActor) {
    return this.complaints.setRoutes(actor, dto.routes);
  }

  @Get(':id')
  @Roles(SUPERVISOR, CENTER_ADMIN, DEPT_LEAD, CLERK, APPROVER)
  @ApiOperation({ summary: '投诉详情：全部经过和答复时限' })
  get(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.complaints.get(p, id);
  }

  @Post(':id/accept')
  @Roles(SUPERVISOR)
  @ApiOperation({ summary: '受理投诉' })
  accept(@Param('id', uuid) id: string, @Body() dto: OptionalNoteDto, @Actor() actor: RequestActor) {
    return this.complaints.accept(actor, id, dto.note);
  }

  @Post(':id/assign')
  @Roles(SUPERVISOR)
  @ApiOperation({ summary: '交部门办理（部门答复后也可退回重办）' })
  assign(@Param('id', uuid) id: string, @Body() dto: AssignComplaintDto, @Actor() actor: RequestActor) {
    return this.complaints.assign(actor, id, dto.departmentId, dto.note);
  }

  @Post(':id/answer')
  @Roles(DEPT_LEAD)
  @ApiOperation({ summary: '部门答复投诉：答复时限停止计时' })
  answer(@Param('id', uuid) id: string, @Body() dto: AnswerComplaintDto, @Actor() actor: RequestActor) {
    return this.complaints.answer(actor, id, dto.answer);
  }

  @Post(':id/close')
  @Roles(SUPERVISOR)
  @ApiOperation({ summary: '办结投诉并认定是否属实；属实的可对责任人出红牌' })
  close(@Param('id', uuid) id: string, @Body() dto: CloseComplaintDto, @Actor() actor: RequestActor) {
    return this.complaints.close(actor, id, dto);
  }
}
