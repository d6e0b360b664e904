import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CalendarChangeDto,
  ClockSubjectKind,
  DayKind,
  type DeadlineQuery,
  type EditCalendarDayRequest,
  type ExtendClockRequest,
  EXTENSION_CAP_JOINT,
  type ImportCalendarYearRequest,
  LimitUnit,
  type PauseClockRequest,
  PauseReason,
  type StartClockRequest,
  type TimeLimitDto,
  type DecideDeadlinePolicyRequest,
  type ProposeDeadlinePolicyRequest,
  type WarningRules,
} from '@onewindow/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IntegerText, IsDay, Nested, RequiredText } from '../../platform/http/validators.js';

export class EditCalendarDayDto implements EditCalendarDayRequest {
  @ApiProperty({ enum: Object.values(DayKind) }) @IsIn(Object.values(DayKind)) kind: DayKind;
  @ApiPropertyOptional({ type: String, nullable: true, example: '春节' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  holidayName?: string | null;
}

export class CalendarSpecialDayDto {
  @ApiProperty({ example: '2027-02-06' }) @IsDay() date: string;
  @ApiProperty({ enum: ['HOLIDAY', 'MAKEUP_WORKDAY'] }) @IsIn(['HOLIDAY', 'MAKEUP_WORKDAY']) kind:
    'HOLIDAY' | 'MAKEUP_WORKDAY';
  @ApiProperty({ example: '春节' }) @RequiredText(40) name: string;
}

export class ImportCalendarYearDto implements ImportCalendarYearRequest {
  @ApiProperty({ example: '国务院办公厅关于2027年部分节假日安排的通知' })
  @RequiredText(200)
  notice: string;
  @ApiProperty({ type: [CalendarSpecialDayDto] })
  @IsArray()
  @ArrayMaxSize(120)
  @ValidateNested({ each: true })
  @Type(() => CalendarSpecialDayDto)
  specials: CalendarSpecialDayDto[];
}

export class CalendarChangeResponse implements CalendarChangeDto {
  @ApiProperty() changedDays: number;
  @ApiProperty({ description: '截止或预警时间因此变化的计时数' }) clocksMoved: number;
}

export class DeadlineQueryDto implements DeadlineQuery {
  @ApiPropertyOptional({ example: '2026-02-13T10:00:00+08:00' })
  @IsOptional()
  @IsISO8601({ strict: true })
  start?: string;
  @ApiProperty({ example: 20 }) @IntegerText() @IsInt() @Min(0) @Max(3650) value: number;
  @ApiProperty({ enum: Object.values(LimitUnit) }) @IsIn(Object.values(LimitUnit)) unit: LimitUnit;
}

export class TimeLimitBody implements TimeLimitDto {
  @ApiProperty({ example: 20 }) @IsInt() @Min(0) value: number;
  @ApiProperty({ enum: Object.values(LimitUnit) }) @IsIn(Object.values(LimitUnit)) unit: LimitUnit;
}

export class StartClockDto implements StartClockRequest {
  @ApiProperty({ enum: Object.values(ClockSubjectKind) })
  @IsIn(Object.values(ClockSubjectKind))
  subjectKind: ClockSubjectKind;
  @ApiProperty({ format: 'uuid' }) @IsUUID() subjectId: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() departmentId?:
    string | null;
  @ApiProperty({ type: TimeLimitBody }) @Nested(() => TimeLimitBody) limit: TimeLimitBody;
  @ApiPropertyOptional({ description: '联办件：延期上限 15 个工作日' }) @IsOptional() @IsBoolean() joint?: boolean;
}

export class PauseClockDto implements PauseClockRequest {
  @ApiProperty({ enum: Object.values(PauseReason) }) @IsIn(Object.values(PauseReason)) reason: PauseReason;
  @ApiPropertyOptional({ description: '原因为 OTHER 时必填' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reasonText?: string;
  @ApiProperty({ example: '《中华人民共和国行政许可法》第四十五条' })
  @RequiredText(200)
  legalBasis: string;
  @ApiProperty({ description: '书面告知申请人的内容，含所需时间' })
  @RequiredText(4000)
  notice: string;
}

export class ExtendClockDto implements ExtendClockRequest {
  @ApiProperty({ minimum: 1, maximum: EXTENSION_CAP_JOINT }) @IsInt() @Min(1) @Max(EXTENSION_CAP_JOINT) days: number;
  @ApiProperty() @RequiredText(500) reason: string;
  @ApiProperty({ description: '告知申请人的延期理由' }) @RequiredText(4000) notice: string;
}

class ThresholdBody {
  @ApiProperty({ minimum: 1, maximum: 99, example: 80, description: '已用时限达到该百分比时预警' })
  @IsInt()
  @Min(1)
  @Max(99)
  usedPercent: number;
  @ApiProperty({ minimum: 0, maximum: 30, example: 1, description: '仅剩该数量（工作日，或该时限的单位）时预警' })
  @IsInt()
  @Min(0)
  @Max(30)
  minLeft: number;
}

/** One optional threshold per clock kind; any other key is refused. */
class WarningRulesBody implements WarningRules {
  @ApiPropertyOptional({ type: ThresholdBody })
  @IsOptional()
  @Nested(() => ThresholdBody)
  ACCEPTANCE?: ThresholdBody;
  @ApiPropertyOptional({ type: ThresholdBody })
  @IsOptional()
  @Nested(() => ThresholdBody)
  CASE?: ThresholdBody;
  @ApiPropertyOptional({ type: ThresholdBody })
  @IsOptional()
  @Nested(() => ThresholdBody)
  SUBTASK?: ThresholdBody;
  @ApiPropertyOptional({ type: ThresholdBody })
  @IsOptional()
  @Nested(() => ThresholdBody)
  DELIVERY?: ThresholdBody;
  @ApiPropertyOptional({ type: ThresholdBody })
  @IsOptional()
  @Nested(() => ThresholdBody)
  COMPLAINT?: ThresholdBody;
  @ApiPropertyOptional({ type: ThresholdBody })
  @IsOptional()
  @Nested(() => ThresholdBody)
  RECTIFICATION?: ThresholdBody;
  @ApiPropertyOptional({ type: ThresholdBody })
  @IsOptional()
  @Nested(() => ThresholdBody)
  URGE?: ThresholdBody;
}

export class ProposeDeadlinePolicyDto extends ThresholdBody implements ProposeDeadlinePolicyRequest {
  @ApiPropertyOptional({ type: WarningRulesBody, description: '按计时种类分别设定；未设定的种类用上面的默认值' })
  @IsOptional()
  @Nested(() => WarningRulesBody)
  byKind?: WarningRulesBody;
  @ApiProperty({ description: '调整理由（监察签认的依据）' })
  @RequiredText(200)
  note: string;
}

export class DecideDeadlinePolicyDto implements DecideDeadlinePolicyRequest {
  @ApiProperty({ description: 'true 签认生效，false 驳回' }) @IsBoolean() approve: boolean;
  @ApiProperty({ description: '签认或驳回意见' })
  @RequiredText(500)
  note: string;
}

export class PolicyVersionParam {
  @IntegerText() @IsInt() @Min(1) version: number;
}

export class YearParam {
  @IntegerText() @IsInt() @Min(1900) @Max(2200) year: number;
}
