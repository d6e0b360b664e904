import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DEFAULT_STATEMENT_MAPPING, type Principal, Role, STAFF_ROLES } from '@onewindow/shared';
import type { FastifyRequest } from 'fastify';
import { Public, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, CurrentPrincipal, type RequestActor } from '../../platform/auth/request-actor.js';
import { assertMediaType } from '../../platform/files/binary-body.js';
import { XLSX } from '../../platform/files/file-types.js';
import { download } from '../../platform/http/download.js';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import { RATE_LIMIT_GROUP } from '../../platform/http/rate-limit.js';
import { FeeAdjustmentService } from './fee-adjustment.service.js';
import { FeeTotalsService } from './fee-totals.service.js';
import {
  AdjustmentQueryDto,
  AssessFeesDto,
  CancelNoticeDto,
  DayQueryDto,
  DecideAdjustmentDto,
  DifferenceQueryDto,
  NoticeQueryDto,
  ReceiptCheckQueryDto,
  RegisterReceiptBookDto,
  RequestAdjustmentDto,
  ResolveDifferenceDto,
  StatementQueryDto,
  TotalsQueryDto,
  VoidReceiptDto,
} from './fees.dto.js';
import { PaymentNoticeService } from './payment-notice.service.js';
import { PaymentService } from './payment.service.js';
import { ReceiptService } from './receipt.service.js';
import { ReconciliationService } from './reconciliation.service.js';

const uuid = new ParseUUIDPipe({ version: '4' });
const PDF = 'application/pdf';
const { CLERK, APPROVER, DEPT_LEAD, CENTER_ADMIN, SUPERVISOR, CASHIER, FINANCE, APPLICANT } = Role;

@ApiTags('fees 收费')
@Controller()
export class FeesController {
  constructor(
    private readonly notices: PaymentNoticeService,
    private readonly payments: PaymentService,
    private readonly adjustments: FeeAdjustmentService,
    private readonly receipts: ReceiptService,
    private readonly reconciliation: ReconciliationService,
    private readonly totalsService: FeeTotalsService,
  ) {}

  @Get('cases/:id/fees')
  @Roles(...STAFF_ROLES, APPLICANT)
  @ApiOperation({ summary: '本件的收费：可收项目及标准、缴款通知书（含作废的）、缴款与票据、减免退费' })
  caseFees(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.notices.caseFees(p, id);
  }

  @Post('cases/:id/fees/assessment')
  @Roles(CLERK, APPROVER)
  @ApiOperation({
    summary: '核定收费并开具缴款通知书（一票收费）：项目须为本事项的收费项目，金额不得超过标准；违规核定被拒绝并出红牌',
  })
  assess(@Param('id', uuid) id: string, @Body() dto: AssessFeesDto, @Actor() actor: RequestActor) {
    return this.notices.assess(actor, id, dto);
  }

  @Get('fees/notices')
  @Roles(CLERK, APPROVER, DEPT_LEAD, CASHIER, FINANCE, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '查找缴款通知书：按缴款码或收件/办件编号' })
  search(@Query() q: NoticeQueryDto, @CurrentPrincipal() p: Principal) {
    return this.notices.search(p, q);
  }

  @Get('fees/notices/:id/pdf')
  @Roles(...STAFF_ROLES, APPLICANT)
  @ApiOperation({ summary: '下载缴款通知书（PDF，含缴款码和二维码）' })
  @ApiProduces(PDF)
  async noticePdf(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    const { fileName, pdf } = await this.notices.noticePdf(p, id);
    return download(fileName, PDF, pdf);
  }

  @Post('fees/notices/:id/cancel')
  @HttpCode(200)
  @Roles(CLERK, APPROVER, CASHIER)
  @ApiOperation({ summary: '作废缴款通知书（须写明原因；作废的留档，可重新核定）' })
  cancel(@Param('id', uuid) id: string, @Body() dto: CancelNoticeDto, @Actor() actor: RequestActor) {
    return this.notices.cancel(actor, id, dto.reason);
  }

  @Post('fees/notices/:id/adjustments')
  @Roles(CLERK, APPROVER, CASHIER, FINANCE)
  @ApiOperation({ summary: '申请减免（缴费前）或退费（缴费后）：原因和依据必填，须经另一人审批' })
  requestAdjustment(@Param('id', uuid) id: string, @Body() dto: RequestAdjustmentDto, @Actor() actor: RequestActor) {
    return this.adjustments.request(actor, id, dto);
  }

  @Get('fees/adjustments')
  @Roles(CLERK, APPROVER, DEPT_LEAD, CASHIER, FINANCE, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '减免和退费申请（可按状态筛选）' })
  listAdjustments(@Query() q: AdjustmentQueryDto, @CurrentPrincipal() p: Principal) {
    return this.adjustments.list(p, q);
  }

  @Post('fees/adjustments/:id/decision')
  @HttpCode(200)
  @Roles(DEPT_LEAD, FINANCE)
  @ApiOperation({ summary: '审批减免或退费（部门负责人或财务，不能是申请人本人）' })
  decide(@Param('id', uuid) id: string, @Body() dto: DecideAdjustmentDto, @Actor() actor: RequestActor) {
    return this.adjustments.decide(actor, id, dto);
  }

  @Get('fees/payments')
  @Roles(CLERK, APPROVER, DEPT_LEAD, CASHIER, FINANCE, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '某日确认的缴款（收费员、财务看全中心，部门人员看本部门）' })
  day(@Query() q: DayQueryDto, @CurrentPrincipal() p: Principal) {
    return this.payments.day(p, q.date, q);
  }

  @Get('fees/receipts/:id/pdf')
  @Roles(...STAFF_ROLES, APPLICANT)
  @ApiOperation({ summary: '下载电子非税收入票据（PDF）' })
  @ApiProduces(PDF)
  async receiptPdf(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    const { fileName, pdf } = await this.receipts.receiptPdf(p, id);
    return download(fileName, PDF, pdf);
  }

  @Post('fees/receipts/:id/void')
  @HttpCode(200)
  @Roles(FINANCE)
  @ApiOperation({ summary: '作废票据并按下一号码重开（原号码留档，记录原因和作废人）' })
  voidReceipt(@Param('id', uuid) id: string, @Body() dto: VoidReceiptDto, @Actor() actor: RequestActor) {
    return this.receipts.void(actor, id, dto.reason);
  }

  @Get('fees/receipt-books')
  @Roles(CASHIER, FINANCE, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '票据登记簿：号段、已用、作废、剩余' })
  books() {
    return this.receipts.books();
  }

  @Post('fees/receipt-books')
  @Roles(FINANCE)
  @ApiOperation({ summary: '登记领用的票据（票据代码、起止号码、领用日期；号段不得重叠）' })
  registerBook(@Body() dto: RegisterReceiptBookDto, @Actor() actor: RequestActor) {
    return this.receipts.registerBook(actor, dto);
  }

  @Get('fees/receipt-books/:id')
  @Roles(FINANCE, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '票据使用情况：每个号码及其状态' })
  usage(@Param('id', uuid) id: string) {
    return this.receipts.usage(id);
  }

  @Post('fees/receipt-books/spoil')
  @Roles(CASHIER, FINANCE)
  @ApiOperation({ summary: '空白作废下一个票据号码（如打印错误），记录原因' })
  spoil(@Body() dto: VoidReceiptDto, @Actor() actor: RequestActor) {
    return this.receipts.spoil(actor, dto.reason);
  }

  @Post('fees/reconciliations')
  @Roles(FINANCE)
  @ApiOperation({
    summary: '导入银行某日对账单（请求体为 CSV 或 .xlsx 文件本身，文件名放在 X-File-Name）并与本系统缴款逐笔核对',
  })
  @ApiConsumes('text/csv', XLSX)
  importStatement(@Req() req: FastifyRequest, @Query() q: StatementQueryDto, @Actor() actor: RequestActor) {
    assertMediaType(req.headers['content-type'], ['text/csv', XLSX], 'CSV 或 Excel（.xlsx）格式的对账单');
    let fileName = `对账单-${q.date}`;
    try {
      fileName = decodeURIComponent(String(req.headers['x-file-name'] ?? fileName));
    } catch {
      // keep the default name
    }
    return this.reconciliation.import(actor, {
      date: q.date,
      fileName,
      mediaType: req.headers['content-type'],
      body: req.body,
      mapping: {
        bankTransactionId: q.txnColumn ?? DEFAULT_STATEMENT_MAPPING.bankTransactionId,
        amount: q.amountColumn ?? DEFAULT_STATEMENT_MAPPING.amount,
        paidAt: q.paidAtColumn ?? DEFAULT_STATEMENT_MAPPING.paidAt,
        paymentCode: q.codeColumn ?? DEFAULT_STATEMENT_MAPPING.paymentCode,
      },
    });
  }

  @Get('fees/reconciliations')
  @Roles(FINANCE, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '对账记录（每日一份：笔数、金额、各类差异、未处理数）' })
  reconciliations(@Query() q: PageQueryDto) {
    return this.reconciliation.list(q);
  }

  @Get('fees/reconciliations/:id')
  @Roles(FINANCE, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '一次对账的结果' })
  reconciliationOne(@Param('id', uuid) id: string) {
    return this.reconciliation.get(id);
  }

  @Get('fees/reconciliations/:id/items')
  @Roles(FINANCE, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '对账差异明细（可按类型、是否已处理筛选）' })
  differences(@Param('id', uuid) id: string, @Query() q: DifferenceQueryDto) {
    return this.reconciliation.items(id, { ...q, open: q.open === 'true' });
  }

  @Get('fees/reconciliations/:id/report.xlsx')
  @Roles(FINANCE, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '对账报告（Excel：汇总和差异明细）' })
  @ApiProduces(XLSX)
  async reconciliationWorkbook(@Param('id', uuid) id: string) {
    const { fileName, bytes } = await this.reconciliation.workbook(id);
    return download(fileName, XLSX, bytes);
  }

  @Post('fees/reconciliation-items/:id/resolve')
  @HttpCode(200)
  @Roles(FINANCE)
  @ApiOperation({ summary: '处理对账差异（写明处理情况）' })
  resolve(@Param('id', uuid) id: string, @Body() dto: ResolveDifferenceDto, @Actor() actor: RequestActor) {
    return this.reconciliation.resolve(actor, id, dto.note);
  }

  @Get('fees/totals')
  @Roles(FINANCE, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '收费汇总：按日或按月，按部门、收费项目或缴款渠道' })
  totals(@Query() q: TotalsQueryDto) {
    return this.totalsService.totals(q);
  }

  @Get('fees/totals.xlsx')
  @Roles(FINANCE, CENTER_ADMIN, SUPERVISOR)
  @ApiOperation({ summary: '收费汇总导出（Excel）' })
  @ApiProduces(XLSX)
  async totalsWorkbook(@Query() q: TotalsQueryDto) {
    const { fileName, bytes } = await this.totalsService.workbook(q);
    return download(fileName, XLSX, bytes);
  }
}

@ApiTags('public 票据查验（公开）')
@Controller('public/receipts')
export class PublicReceiptController {
  constructor(private readonly receipts: ReceiptService) {}

  @Get('verify')
  @Public()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '查验电子非税收入票据的真伪（票据号码 + 校验码，无需登录）' })
  verify(@Query() q: ReceiptCheckQueryDto) {
    return this.receipts.check(q.no, q.code);
  }
}
