import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Principal, Role } from '@onewindow/shared';
import { AnyStaff, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, CurrentPrincipal, type RequestActor } from '../../platform/auth/request-actor.js';
import { Paging } from '../../platform/http/paging.js';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import { CaseQueryService } from '../acceptance/acceptance.module.js';
import {
  AnswerSubtaskDto,
  ArrangeInspectionDto,
  DecideCaseDto,
  ForwardAnswerDto,
  ForwardCaseDto,
  RecordFindingsDto,
  ReviewCaseDto,
  SubtaskOpinionDto,
  SubtaskQueueQueryDto,
} from './approval.dto.js';
import { InspectionService } from './inspection.service.js';
import { CaseReviewService } from './case-review.service.js';
import { SubtaskService } from './subtask.service.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('cases 办件')
@Controller('cases')
export class ApprovalController {
  constructor(
    private readonly reviews: CaseReviewService,
    private readonly inspections: InspectionService,
    private readonly query: CaseQueryService,
  ) {}

  @Post(':id/review')
  @HttpCode(200)
  @Roles(Role.CLERK, Role.APPROVER)
  @ApiOperation({ summary: '审查：填写审查意见（本人或其 AB 岗）' })
  async review(@Param('id', uuid) id: string, @Body() dto: ReviewCaseDto, @Actor() actor: RequestActor) {
    await this.reviews.review(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Roles(Role.APPROVER)
  @ApiOperation({ summary: '作出决定：准予或不予许可（不予须写明理由和依据）；送达时限 10 个工作日开始计时' })
  async decide(@Param('id', uuid) id: string, @Body() dto: DecideCaseDto, @Actor() actor: RequestActor) {
    await this.reviews.decide(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/forward')
  @HttpCode(200)
  @Roles(Role.APPROVER)
  @ApiOperation({ summary: '转报：上报件审查后报上级机关决定（办结类型 4 转报）；本级计时停止' })
  async forward(@Param('id', uuid) id: string, @Body() dto: ForwardCaseDto, @Actor() actor: RequestActor) {
    await this.reviews.forward(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/forward-answer')
  @HttpCode(200)
  @Roles(Role.CLERK, Role.APPROVER)
  @ApiOperation({ summary: '录入上级机关对转报件的决定（批复文号）；送达时限 10 个工作日开始计时' })
  async forwardAnswer(@Param('id', uuid) id: string, @Body() dto: ForwardAnswerDto, @Actor() actor: RequestActor) {
    await this.reviews.forwardAnswer(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/joint-inspection')
  @HttpCode(200)
  @Roles(Role.APPROVER)
  @ApiOperation({ summary: '联合踏勘：约定日期和参加部门；自安排之日起暂停本件全部计时，意见全部提交后恢复' })
  async arrange(@Param('id', uuid) id: string, @Body() dto: ArrangeInspectionDto, @Actor() actor: RequestActor) {
    await this.inspections.arrange(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }
}

@ApiTags('subtasks 并联审批')
@Controller('inspections')
export class InspectionController {
  constructor(
    private readonly inspections: InspectionService,
    private readonly query: CaseQueryService,
  ) {}

  @Post(':id/findings')
  @HttpCode(200)
  @Roles(Role.CLERK, Role.APPROVER, Role.DEPT_LEAD)
  @ApiOperation({ summary: '参加联合踏勘的部门提交踏勘意见；最后一个部门提交后恢复计时' })
  async record(@Param('id', uuid) id: string, @Body() dto: RecordFindingsDto, @Actor() actor: RequestActor) {
    const caseId = await this.inspections.record(actor, id, dto);
    return this.query.get(actor.principal!, caseId);
  }
}

@ApiTags('subtasks 并联审批')
@Controller('subtasks')
export class SubtaskController {
  constructor(
    private readonly subtasks: SubtaskService,
    private readonly query: CaseQueryService,
  ) {}

  @Get()
  @AnyStaff()
  @ApiOperation({ summary: '协办队列：本部门的并联审批子任务，按剩余时间排序' })
  list(@Query() q: SubtaskQueueQueryDto, @CurrentPrincipal() p: Principal) {
    return this.subtasks.queue(p, q.state, Paging.of(q));
  }

  @Get('counts')
  @AnyStaff()
  @ApiOperation({ summary: '协办队列的待办数、预警数和超期数' })
  counts(@CurrentPrincipal() p: Principal) {
    return this.subtasks.counts(p);
  }

  @Get('deemed')
  @Roles(Role.SUPERVISOR, Role.CENTER_ADMIN)
  @ApiOperation({ summary: '监察：超时默认同意的协办任务（系统作出，非人员同意）' })
  deemed(@Query() q: PageQueryDto) {
    return this.subtasks.deemed(Paging.of(q));
  }

  @Get('overrides')
  @Roles(Role.SUPERVISOR, Role.CENTER_ADMIN)
  @ApiOperation({ summary: '监察：不采纳协办部门“不同意”意见而准予许可的决定及其理由' })
  overrides(@Query() q: PageQueryDto) {
    return this.subtasks.overrides(Paging.of(q));
  }

  @Post(':id/opinion')
  @HttpCode(200)
  @Roles(Role.CLERK, Role.APPROVER)
  @ApiOperation({ summary: '协办部门出具意见：同意（可附条件）、不同意（须写明理由和依据）或退回牵头部门' })
  async conclude(@Param('id', uuid) id: string, @Body() dto: SubtaskOpinionDto, @Actor() actor: RequestActor) {
    const caseId = await this.subtasks.conclude(actor, id, dto);
    return this.query.get(actor.principal!, caseId);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Roles(Role.CLERK, Role.APPROVER)
  @ApiOperation({ summary: '牵头部门答复退回：原子任务留档，为该协办部门重新开启子任务并重新计时' })
  async answer(@Param('id', uuid) id: string, @Body() dto: AnswerSubtaskDto, @Actor() actor: RequestActor) {
    const caseId = await this.subtasks.answer(actor, id, dto);
    return this.query.get(actor.principal!, caseId);
  }
}
