import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Principal, Role } from '@onewindow/shared';
import { AnyStaff, Public, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, CurrentPrincipal, type RequestActor } from '../../platform/auth/request-actor.js';
import { RATE_LIMIT_GROUP } from '../../platform/http/rate-limit.js';
import {
  CalendarChangeResponse,
  DeadlineQueryDto,
  EditCalendarDayDto,
  ExtendClockDto,
  ImportCalendarYearDto,
  PauseClockDto,
  StartClockDto,
  DecideDeadlinePolicyDto,
  PolicyVersionParam,
  ProposeDeadlinePolicyDto,
  YearParam,
} from './calendar.dto.js';
import { CalendarService } from './calendar.service.js';
import { ClockReader } from './clock-reader.service.js';
import { ClockService } from './clock.service.js';
import { DeadlinePolicyService } from './deadline-policy.service.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('calendar 工作日历')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Get('years/:year')
  @Public()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '某年的工作日历（每日类型、节日名称、是否已按国务院通知确认）' })
  year(@Param() p: YearParam) {
    return this.calendars.year(p.year);
  }

  @Get('deadline')
  @Public()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '计算截止时间（起算日不计入；工作日跳过节假日、计入调休上班日）' })
  deadline(@Query() q: DeadlineQueryDto) {
    return this.calendars.deadline(q.start ? new Date(q.start) : undefined, { value: q.value, unit: q.unit });
  }

  @Put('days/:date')
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '修改某一天（重新计算受影响的计时）' })
  @ApiOkResponse({ type: CalendarChangeResponse })
  editDay(@Param('date') date: string, @Body() dto: EditCalendarDayDto, @Actor() actor: RequestActor) {
    return this.calendars.editDay(actor, date, dto);
  }

  @Put('years/:year')
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '按国务院通知导入一年（节假日与调休上班日），并重新计算受影响的计时' })
  @ApiOkResponse({ type: CalendarChangeResponse })
  importYear(@Param() p: YearParam, @Body() dto: ImportCalendarYearDto, @Actor() actor: RequestActor) {
    return this.calendars.importYear(actor, p.year, dto);
  }
}

@ApiTags('clocks 计时')
@Controller('clocks')
export class ClockController {
  constructor(
    private readonly clocks: ClockService,
    private readonly reader: ClockReader,
  ) {}

  @Post()
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '开始一个计时（供对接系统与测试；办件等模块在各自事务中创建计时）' })
  async start(@Body() dto: StartClockDto, @Actor() actor: RequestActor) {
    const c = await this.clocks.startFromOutside(actor, dto);
    return this.reader.get(actor.principal!, c.id);
  }

  @Get(':id')
  @AnyStaff()
  @ApiOperation({ summary: '计时详情（含暂停与延期记录）' })
  get(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.reader.get(p, id);
  }

  @Get(':id/explanation')
  @AnyStaff()
  @ApiOperation({ summary: '计时说明：截止时间如何算出' })
  explain(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.reader.explain(p, id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @Roles(Role.CLERK, Role.APPROVER, Role.DEPT_LEAD)
  @ApiOperation({ summary: '暂停计时（补正、特别程序）' })
  async pause(@Param('id', uuid) id: string, @Body() dto: PauseClockDto, @Actor() actor: RequestActor) {
    await this.clocks.pause(actor, id, dto);
    return this.reader.get(actor.principal!, id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @Roles(Role.CLERK, Role.APPROVER, Role.DEPT_LEAD)
  @ApiOperation({ summary: '恢复计时（按剩余时间重新计算截止）' })
  async resume(@Param('id', uuid) id: string, @Actor() actor: RequestActor) {
    await this.clocks.resume(actor, id);
    return this.reader.get(actor.principal!, id);
  }

  @Post(':id/extensions')
  @HttpCode(200)
  @Roles(Role.DEPT_LEAD)
  @ApiOperation({ summary: '批准延期（单部门累计 10、联办累计 15 个工作日以内）' })
  async extend(@Param('id', uuid) id: string, @Body() dto: ExtendClockDto, @Actor() actor: RequestActor) {
    await this.clocks.extend(actor, id, dto);
    return this.reader.get(actor.principal!, id);
  }

  @Post(':id/restart')
  @HttpCode(200)
  @Roles(Role.CLERK, Role.APPROVER, Role.DEPT_LEAD)
  @ApiOperation({ summary: '退回后重新计时：原计时停止并保留，新计时以完整时限开始' })
  async restart(@Param('id', uuid) id: string, @Actor() actor: RequestActor) {
    const c = await this.clocks.restart(actor, id);
    return this.reader.get(actor.principal!, c.id);
  }
}

@ApiTags('calendar 工作日历')
@Controller('deadline-policy')
export class DeadlinePolicyController {
  constructor(private readonly policies: DeadlinePolicyService) {}

  @Get()
  @AnyStaff()
  @ApiOperation({ summary: '预警策略的各个版本（最新的在前，生效中）' })
  history() {
    return this.policies.history();
  }

  @Post()
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '提出新版预警策略（按计时种类的黄牌阈值），须监察员签认后生效' })
  propose(@Body() dto: ProposeDeadlinePolicyDto, @Actor() actor: RequestActor) {
    return this.policies.propose(actor, dto);
  }

  @Post(':version/decision')
  @HttpCode(200)
  @Roles(Role.SUPERVISOR)
  @ApiOperation({ summary: '监察签认（生效并重算在途计时的预警时间）或驳回待签认的预警策略' })
  decide(@Param() { version }: PolicyVersionParam, @Body() dto: DecideDeadlinePolicyDto, @Actor() actor: RequestActor) {
    return this.policies.decide(actor, version, dto);
  }
}
