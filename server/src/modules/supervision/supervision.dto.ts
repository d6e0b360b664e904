import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AppealCardRequest,
  CardDecision,
  CardLevel,
  type CardQuery,
  CardReason,
  CardState,
  ClockSubjectKind,
  type CreateUrgeRequest,
  type DecideCardRequest,
  type ExchangeQuery,
  type PerformanceQuery,
  type ReplyUrgeRequest,
} from '@onewindow/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import { IntegerText, IsDay, RequiredText } from '../../platform/http/validators.js';
import { EXPORT_PAGE_SIZE } from '../../platform/http/paging.js';

const QueryBoolean = () => Transform(({ value }) => value === true || value === 'true' || value === '1');

export class CardQueryDto extends PageQueryDto implements CardQuery {
  @ApiPropertyOptional({ enum: Object.values(CardLevel) })
  @IsOptional()
  @IsIn(Object.values(CardLevel))
  level?: CardLevel;
  @ApiPropertyOptional({ enum: Object.values(CardReason) })
  @IsOptional()
  @IsIn(Object.values(CardReason))
  reason?: CardReason;
  @ApiPropertyOptional({ enum: Object.values(CardState) })
  @IsOptional()
  @IsIn(Object.values(CardState))
  state?: CardState;
  @ApiPropertyOptional({ enum: Object.values(ClockSubjectKind), description: '哪种期限越限（SUBTASK：并联子任务）' })
  @IsOptional()
  @IsIn(Object.values(ClockSubjectKind))
  clockKind?: ClockSubjectKind;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') departmentId?: string;
  @ApiPropertyOptional({ description: '越限日期起（含）', example: '2026-10-01' }) @IsOptional() @IsDay() from?: string;
  @ApiPropertyOptional({ description: '越限日期止（含）', example: '2026-10-31' }) @IsOptional() @IsDay() to?: string;
  @ApiPropertyOptional({ description: '只看出给本人的牌' }) @IsOptional() @QueryBoolean() @IsBoolean() mine?: boolean;
}

export class AppealCardDto implements AppealCardRequest {
  @ApiProperty({ description: '申诉理由' }) @RequiredText(1000) reason: string;
}

export class DecideCardDto implements DecideCardRequest {
  @ApiProperty({ enum: Object.values(CardDecision), description: 'REVOKE 撤销 · UPHOLD 打回 · ESCALATE 上报' })
  @IsIn(Object.values(CardDecision))
  decision: CardDecision;
  @ApiProperty() @RequiredText(1000) reason: string;
}

export class CreateUrgeDto implements CreateUrgeRequest {
  @ApiProperty() @IsUUID('4') caseId: string;
  @ApiProperty({ description: '督办意见' }) @RequiredText(1000) message: string;
  @ApiProperty({ description: '回复期限（工作日）', minimum: 1, maximum: 30 })
  @IsInt()
  @Min(1)
  @Max(30)
  days: number;
}

export class ReplyUrgeDto implements ReplyUrgeRequest {
  @ApiProperty() @RequiredText(2000) reply: string;
}

export class PerformanceQueryDto implements PerformanceQuery {
  @ApiPropertyOptional({ description: '统计期间起（含），默认结束日前 8 周', example: '2026-09-01' })
  @IsOptional()
  @IsDay()
  from?: string;
  @ApiPropertyOptional({ description: '统计期间止（含），默认今天', example: '2026-11-30' })
  @IsOptional()
  @IsDay()
  to?: string;
  @ApiPropertyOptional({ description: '只看一个部门（周趋势即该部门的）' })
  @IsOptional()
  @IsUUID('4')
  departmentId?: string;
}

export class ExchangeQueryDto implements ExchangeQuery {
  @ApiProperty({ description: '有环节记录的期间起（含）', example: '2026-11-01' }) @IsDay() from: string;
  @ApiProperty({ description: '期间止（含），最长 31 天', example: '2026-11-30' }) @IsDay() to: string;
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @IntegerText()
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: EXPORT_PAGE_SIZE })
  @IsOptional()
  @IntegerText()
  @IsInt()
  @Min(1)
  @Max(1000)
  pageSize?: number;
}

export class UrgeQueryDto {
  @ApiPropertyOptional({ description: '只看未回复的' }) @IsOptional() @QueryBoolean() @IsBoolean() open?: boolean;
}
