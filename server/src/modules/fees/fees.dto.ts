import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  AdjustmentKind,
  AdjustmentState,
  type AssessFeeLine,
  type AssessFeesRequest,
  type CancelNoticeRequest,
  type ConfirmPaymentRequest,
  type DecideAdjustmentRequest,
  DEFAULT_STATEMENT_MAPPING,
  DifferenceKind,
  FeeTotalsGroup,
  PaymentChannel,
  type RegisterReceiptBookRequest,
  type RequestAdjustmentRequest,
  type ResolveDifferenceRequest,
  type VoidReceiptRequest,
} from '@onewindow/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import { IsDay, IsInstant, RequiredText } from '../../platform/http/validators.js';

/** 100 亿元 in fen: no fee comes near it; bigger numbers are refused before any arithmetic. */
const MAX_FEN = 1_000_000_000_000;

export class AssessFeeLineDto implements AssessFeeLine {
  @ApiProperty({ description: '收费项目编码（须为本事项版本的收费项目）' }) @RequiredText(16) code: string;
  @ApiProperty({ minimum: 1, maximum: 10_000 }) @IsInt() @Min(1) @Max(10_000) quantity: number;
  @ApiProperty({ description: '金额（分）', minimum: 0 }) @IsInt() @Min(0) @Max(MAX_FEN) amountFen: number;
}

export class AssessFeesDto implements AssessFeesRequest {
  @ApiProperty({ type: [AssessFeeLineDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AssessFeeLineDto)
  items: AssessFeeLineDto[];
  @ApiPropertyOptional({ description: '缴款期限（工作日，默认 15）', minimum: 1, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  dueWorkingDays?: number;
}

export class CancelNoticeDto implements CancelNoticeRequest {
  @ApiProperty({ description: '作废原因' }) @RequiredText(500) reason: string;
}

export class NoticeQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '缴款码（20 位）' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  paymentCode?: string;
  @ApiPropertyOptional({ description: '收件编号或办件编号' }) @IsOptional() @IsString() @MaxLength(40) caseNo?: string;
}

export class DayQueryDto extends PageQueryDto {
  @ApiProperty({ example: '2026-12-03' }) @IsDay() date: string;
}

export class RequestAdjustmentDto implements RequestAdjustmentRequest {
  @ApiProperty({ enum: Object.values(AdjustmentKind) }) @IsIn(Object.values(AdjustmentKind)) kind: AdjustmentKind;
  @ApiProperty({ description: '金额（分）', minimum: 1 }) @IsInt() @Min(1) @Max(MAX_FEN) amountFen: number;
  @ApiProperty({ description: '减免或退费原因' }) @RequiredText(1000) reason: string;
  @ApiProperty({ description: '法律或政策依据' }) @RequiredText(500) basis: string;
}

export class DecideAdjustmentDto implements DecideAdjustmentRequest {
  @ApiProperty() @IsBoolean() approve: boolean;
  @ApiPropertyOptional({ description: '审批意见' }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class AdjustmentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(AdjustmentState) })
  @IsOptional()
  @IsIn(Object.values(AdjustmentState))
  state?: AdjustmentState;
}

export class ConfirmPaymentDto implements ConfirmPaymentRequest {
  @ApiProperty({ description: '缴款码（20 位，含校验位）' }) @RequiredText(40) paymentCode: string;
  @ApiProperty({ description: '实收金额（分），须与通知书应缴金额一致' })
  @IsInt()
  @Min(1)
  @Max(MAX_FEN)
  amountFen: number;
  @ApiProperty({ description: '银行交易流水号' })
  @RequiredText(64)
  @Matches(/^[\x21-\x7e]+$/, { message: '只能由字母、数字和符号组成' })
  bankTransactionId: string;
  @ApiProperty({ description: '银行收款时间（ISO 8601）' }) @IsInstant() paidAt: string;
  @ApiProperty({ enum: Object.values(PaymentChannel) }) @IsIn(Object.values(PaymentChannel)) channel: PaymentChannel;
}

export class RegisterReceiptBookDto implements RegisterReceiptBookRequest {
  @ApiProperty({ description: '票据代码（号码前缀）', example: '浙财33010126' }) @RequiredText(40) series: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(99_999_999) firstNo: number;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(99_999_999) lastNo: number;
  @ApiProperty({ description: '领用日期' }) @IsDay() issuedOn: string;
}

export class VoidReceiptDto implements VoidReceiptRequest {
  @ApiProperty({ description: '作废原因' }) @RequiredText(500) reason: string;
}

export class ReceiptCheckQueryDto {
  @ApiProperty({ description: '票据号码' }) @RequiredText(60) no: string;
  @ApiProperty({ description: '校验码' }) @RequiredText(12) code: string;
}

export class StatementQueryDto {
  @ApiProperty({ description: '对账日期', example: '2026-12-03' }) @IsDay() date: string;
  @ApiPropertyOptional({ description: `流水号列名（默认“${DEFAULT_STATEMENT_MAPPING.bankTransactionId}”）` })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  txnColumn?: string;
  @ApiPropertyOptional({ description: `金额列名（元；默认“${DEFAULT_STATEMENT_MAPPING.amount}”）` })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  amountColumn?: string;
  @ApiPropertyOptional({ description: `交易时间列名（默认“${DEFAULT_STATEMENT_MAPPING.paidAt}”）` })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  paidAtColumn?: string;
  @ApiPropertyOptional({ description: `缴款码列名（默认“${DEFAULT_STATEMENT_MAPPING.paymentCode}”）` })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  codeColumn?: string;
}

export class DifferenceQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(DifferenceKind) })
  @IsOptional()
  @IsIn(Object.values(DifferenceKind))
  kind?: DifferenceKind;
  @ApiPropertyOptional({ description: '只看未处理的' }) @IsOptional() @IsIn(['true', 'false']) open?: 'true' | 'false';
}

export class ResolveDifferenceDto implements ResolveDifferenceRequest {
  @ApiProperty({ description: '处理说明' }) @RequiredText(1000) note: string;
}

export class TotalsQueryDto {
  @ApiProperty({ example: '2026-12-01' }) @IsDay() from: string;
  @ApiProperty({ example: '2026-12-31' }) @IsDay() to: string;
  @ApiPropertyOptional({ enum: Object.values(FeeTotalsGroup) })
  @IsOptional()
  @IsIn(Object.values(FeeTotalsGroup))
  by?: FeeTotalsGroup;
  @ApiPropertyOptional({ enum: ['DAY', 'MONTH'] }) @IsOptional() @IsIn(['DAY', 'MONTH']) period?: 'DAY' | 'MONTH';
}
