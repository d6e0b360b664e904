import { Body, Controller, Get, type MessageEvent, Param, ParseUUIDPipe, Post, Query, Sse } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Principal, Role } from '@onewindow/shared';
import { interval, map, merge, type Observable } from 'rxjs';
import { AnyStaff, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, CurrentPrincipal, type RequestActor } from '../../platform/auth/request-actor.js';
import { CardService } from './card.service.js';
import { LiveAlertsService } from './live-alerts.service.js';
import { XLSX } from '../../platform/files/file-types.js';
import { download } from '../../platform/http/download.js';
import { CaseExchangeService } from '../acceptance/acceptance.module.js';
import { writePerformanceWorkbook } from './performance-workbook.js';
import { PerformanceService } from './performance.service.js';
import {
  AppealCardDto,
  CardQueryDto,
  CreateUrgeDto,
  DecideCardDto,
  ExchangeQueryDto,
  PerformanceQueryDto,
  ReplyUrgeDto,
  UrgeQueryDto,
} from './supervision.dto.js';
import { SweepRunService } from './sweep-run.service.js';
import { SweepService } from './sweep.service.js';
import { UrgeService } from './urge.service.js';

const uuid = new ParseUUIDPipe({ version: '4' });
/** A comment line now and then keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 20_000;

@ApiTags('supervision 电子监察')
@Controller('supervision')
export class SupervisionController {
  constructor(
    private readonly cards: CardService,
    private readonly sweeps: SweepService,
    private readonly runs: SweepRunService,
    private readonly urges: UrgeService,
    private readonly live: LiveAlertsService,
    private readonly performances: PerformanceService,
    private readonly exchanges: CaseExchangeService,
  ) {}

  @Get('board')
  @AnyStaff()
  @ApiOperation({ summary: '实时监察看板：各部门黄牌红牌、督办、最新出牌、最近一次巡检（工作人员只看本部门）' })
  board(@CurrentPrincipal() p: Principal) {
    return this.cards.board(p);
  }

  @Sse('events')
  @AnyStaff()
  @ApiOperation({ summary: '实时推送（server-sent events）：新出牌、督办、巡检' })
  events(@CurrentPrincipal() p: Principal): Observable<MessageEvent> {
    return merge(
      this.live.for(p).pipe(map((e) => ({ data: e }))),
      interval(HEARTBEAT_MS).pipe(map(() => ({ type: 'heartbeat', data: '' }))),
    );
  }

  @Get('cards')
  @AnyStaff()
  @ApiOperation({ summary: '监察牌列表：按等级、原因、状态、部门、越限日期筛选（工作人员只看本部门）' })
  list(@Query() q: CardQueryDto, @CurrentPrincipal() p: Principal) {
    return this.cards.list(p, q);
  }

  @Get('cards/:id')
  @AnyStaff()
  @ApiOperation({ summary: '监察牌详情：办件全部环节和计时说明' })
  get(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.cards.get(p, id);
  }

  @Post('cards/:id/appeal')
  @Roles(Role.CLERK, Role.APPROVER, Role.DEPT_LEAD)
  @ApiOperation({ summary: '申诉（被出牌部门）' })
  appeal(@Param('id', uuid) id: string, @Body() dto: AppealCardDto, @Actor() actor: RequestActor) {
    return this.cards.appeal(actor, id, dto.reason);
  }

  @Post('cards/:id/decision')
  @Roles(Role.SUPERVISOR)
  @ApiOperation({ summary: '申诉处理：撤销、打回或上报' })
  decide(@Param('id', uuid) id: string, @Body() dto: DecideCardDto, @Actor() actor: RequestActor) {
    return this.cards.decide(actor, id, dto.decision, dto.reason);
  }

  @Post('sweeps')
  @Roles(Role.CENTER_ADMIN, Role.SUPERVISOR)
  @ApiOperation({ summary: '立即巡检一次（通常每分钟自动运行）' })
  sweep(@Actor() actor: RequestActor) {
    return this.sweeps.sweep(actor);
  }

  @Get('sweeps')
  @Roles(Role.CENTER_ADMIN, Role.SUPERVISOR)
  @ApiOperation({ summary: '巡检记录：开始、结束、检查的计时数、出牌数' })
  recentRuns() {
    return this.runs.recent();
  }

  @Get('performance')
  @Roles(Role.SUPERVISOR, Role.CENTER_ADMIN, Role.DEPT_LEAD)
  @ApiOperation({ summary: '部门绩效：按时办结率、每百件出牌、在办超期件、周趋势（部门负责人只看本部门）' })
  performance(@Query() q: PerformanceQueryDto, @CurrentPrincipal() p: Principal) {
    return this.performances.report(p, q);
  }

  @Get('performance.xlsx')
  @Roles(Role.SUPERVISOR, Role.CENTER_ADMIN, Role.DEPT_LEAD)
  @ApiOperation({ summary: '部门绩效导出（Excel：部门绩效、周趋势、说明）' })
  @ApiProduces(XLSX)
  async performanceWorkbook(@Query() q: PerformanceQueryDto, @CurrentPrincipal() p: Principal) {
    const r = await this.performances.report(p, q);
    return download(`部门绩效-${r.from}至${r.to}.xlsx`, XLSX, await writePerformanceWorkbook(r));
  }

  @Get('exchange')
  @Roles(Role.SUPERVISOR, Role.CENTER_ADMIN)
  @ApiOperation({
    summary: '电子监察数据交换：期间内有环节记录的办件及其环节，按国家电子监察交换代码集（环节结果、办结类型），分页',
  })
  exchange(@Query() q: ExchangeQueryDto) {
    return this.exchanges.export(q);
  }

  @Get('urges')
  @AnyStaff()
  @ApiOperation({ summary: '督办列表（工作人员只看本部门）' })
  urgeList(@Query() q: UrgeQueryDto, @CurrentPrincipal() p: Principal) {
    return this.urges.list(p, q.open);
  }

  @Post('urges')
  @Roles(Role.SUPERVISOR)
  @ApiOperation({ summary: '督办：要求部门在期限内回复（逾期未回复出红牌）' })
  urge(@Body() dto: CreateUrgeDto, @Actor() actor: RequestActor) {
    return this.urges.create(actor, dto);
  }

  @Post('urges/:id/reply')
  @Roles(Role.CLERK, Role.APPROVER, Role.DEPT_LEAD)
  @ApiOperation({ summary: '回复督办（被督办部门）' })
  reply(@Param('id', uuid) id: string, @Body() dto: ReplyUrgeDto, @Actor() actor: RequestActor) {
    return this.urges.reply(actor, id, dto.reply);
  }
}
