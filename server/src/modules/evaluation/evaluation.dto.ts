import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import {
  AppealState,
  type AssessmentRate,
  type AssessmentSchemeBody,
  AwardKind,
  ComplaintChannel,
  ComplaintFinding,
  ComplaintOffice,
  ComplaintState,
  ComplaintSubject,
  ComplaintType,
  RATING_LEVELS,
  RATING_PROBLEMS,
  RatingChannel,
  type RatingLevel,
  type RatingProblem,
  RectificationState,
  TERMINAL_TOKEN_HEADER,
} from '@onewindow/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import {
  IntegerText,
  IsDay,
  IsIndicatorScores,
  IsMobilePhone,
  Nested,
  RequiredText,
} from '../../platform/http/validators.js';

const PERIOD = /^\d{4}(Q[1-4])?$/i;
const PERIOD_MESSAGE = { message: '应为年份（2026）或季度（2026Q4）' };

const Level = () => (target: object, key: string) => {
  ApiProperty({ enum: RATING_LEVELS, description: '5 非常满意 … 1 非常不满意' })(target, key);
  IsInt()(target, key);
  IsIn(RATING_LEVELS as number[])(target, key);
};

export class SubmitRatingDto {
  @Level() level: RatingLevel;
  @ApiPropertyOptional({
    description: '各项指标得分（1–5），键为指标编码',
    type: 'object',
    additionalProperties: { type: 'integer' },
  })
  @IsOptional()
  @IsIndicatorScores()
  indicators?: Record<string, number>;
  @ApiPropertyOptional({ enum: Object.keys(RATING_PROBLEMS), isArray: true, description: '不满意时必选' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @IsIn(Object.keys(RATING_PROBLEMS), { each: true })
  problems?: RatingProblem[];
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) comment?: string;
}

export class OnsiteRatingDto extends SubmitRatingDto {
  @ApiProperty({ description: '评价器收到的服务事件' }) @IsUUID('4') eventId: string;
}

export class CaseCodeDto {
  @ApiProperty({ description: '收件编号或办件编号' }) @RequiredText(40) no: string;
  @ApiProperty({ description: '查询码' }) @RequiredText(8) code: string;
}

export class PublicCaseRatingDto extends IntersectionType(SubmitRatingDto, CaseCodeDto) {}

/** A level (and a word) given by whoever holds a number and query code: a rectification's follow-up, a complaint's answer. */
export class RateByCodeDto extends CaseCodeDto {
  @Level() level: RatingLevel;
  @ApiPropertyOptional({ maxLength: 500 }) @IsOptional() @IsString() @MaxLength(500) comment?: string;
}

export class IssueTerminalDto {
  @ApiPropertyOptional({ description: '窗口（默认本人所在窗口）' }) @IsOptional() @IsUUID('4') windowId?: string;
}

export class ConsultationDto {
  @ApiPropertyOptional({ description: '咨询的事项', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  matterName?: string;
}

export class RatingQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') departmentId?: string;
  @ApiPropertyOptional({ enum: Object.values(RatingChannel) })
  @IsOptional()
  @IsIn(Object.values(RatingChannel))
  channel?: RatingChannel;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: '只看差评 / 只看非差评' })
  @IsOptional()
  @IsIn(['true', 'false'])
  bad?: 'true' | 'false';
  @ApiPropertyOptional() @IsOptional() @IsDay() from?: string;
  @ApiPropertyOptional() @IsOptional() @IsDay() to?: string;
}

export class RectificationQueryDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') departmentId?: string;
  @ApiPropertyOptional({ enum: Object.values(RectificationState) })
  @IsOptional()
  @IsIn(Object.values(RectificationState))
  state?: RectificationState;
}

export class RecordVisitDto {
  @ApiProperty({ description: '回访情况' }) @RequiredText(1000) note: string;
  @ApiPropertyOptional({ minimum: 5, maximum: 15, description: '整改时限（工作日）' })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(15)
  rectifyWorkingDays?: number;
}

export class RecordRectificationDto {
  @ApiProperty({ description: '整改措施和结果' }) @RequiredText(1000) note: string;
}

export class AppealRatingDto {
  @ApiProperty({ description: '申诉理由' }) @RequiredText(1000) reason: string;
  @ApiProperty({ description: '证据（录音录像编号、记录等）' }) @RequiredText(2000) evidence: string;
}

export class AppealQueryDto {
  @ApiPropertyOptional({ enum: Object.values(AppealState) })
  @IsOptional()
  @IsIn(Object.values(AppealState))
  state?: AppealState;
}

export class DecideAppealDto {
  @ApiProperty({ description: 'true 申诉成立（不计入统计），false 驳回' }) @IsBoolean() uphold: boolean;
  @ApiProperty() @RequiredText(1000) reason: string;
}

export class DayRangeQueryDto {
  @ApiProperty() @IsDay() from: string;
  @ApiProperty() @IsDay() to: string;
}

export class FileComplaintDto {
  @ApiProperty({ enum: Object.values(ComplaintType) }) @IsIn(Object.values(ComplaintType)) type: ComplaintType;
  @ApiProperty({ enum: Object.values(ComplaintSubject) })
  @IsIn(Object.values(ComplaintSubject))
  subject: ComplaintSubject;
  @ApiProperty({ maxLength: 2000 }) @RequiredText(2000) content: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) caseNo?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(8) queryCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(20) windowNumber?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) staffName?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') departmentId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) contactName?: string;
  @ApiPropertyOptional() @IsOptional() @IsMobilePhone() contactPhone?: string;
}

export class RegisterComplaintDto extends FileComplaintDto {
  @ApiProperty({ enum: ['HOTLINE', 'LETTER', 'IN_PERSON'] })
  @IsIn(['HOTLINE', 'LETTER', 'IN_PERSON'])
  channel: Exclude<ComplaintChannel, 'ONLINE'>;
  @ApiPropertyOptional({ description: '12345 工单号' }) @IsOptional() @IsString() @MaxLength(40) externalRef?: string;
}

export class ComplaintQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(ComplaintState) })
  @IsOptional()
  @IsIn(Object.values(ComplaintState))
  state?: ComplaintState;
  @ApiPropertyOptional({ enum: Object.values(ComplaintOffice) })
  @IsOptional()
  @IsIn(Object.values(ComplaintOffice))
  office?: ComplaintOffice;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') departmentId?: string;
}

export class OptionalNoteDto {
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class AssignComplaintDto extends OptionalNoteDto {
  @ApiProperty() @IsUUID('4') departmentId: string;
}

export class AnswerComplaintDto {
  @ApiProperty({ maxLength: 2000 }) @RequiredText(2000) answer: string;
}

export class CloseComplaintDto {
  @ApiProperty({ enum: Object.values(ComplaintFinding) })
  @IsIn(Object.values(ComplaintFinding))
  finding: ComplaintFinding;
  @ApiProperty({ maxLength: 2000 }) @RequiredText(2000) conclusion: string;
  @ApiPropertyOptional({ description: '属实的，对责任人出红牌' }) @IsOptional() @IsBoolean() cardStaff?: boolean;
}

export class ComplaintRouteBodyDto {
  @ApiProperty({ enum: Object.values(ComplaintType) }) @IsIn(Object.values(ComplaintType)) type: ComplaintType;
  @ApiProperty({ enum: Object.values(ComplaintOffice) }) @IsIn(Object.values(ComplaintOffice)) office: ComplaintOffice;
}

export class UpdateComplaintRoutesDto {
  @ApiProperty({ type: [ComplaintRouteBodyDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ComplaintRouteBodyDto)
  routes: ComplaintRouteBodyDto[];
}

export class AssessmentQueryDto {
  @ApiProperty({ enum: ['WINDOW', 'STAFF'] }) @IsIn(['WINDOW', 'STAFF']) subject: 'WINDOW' | 'STAFF';
  @ApiProperty({ example: '2026Q4' }) @IsString() @Matches(PERIOD, PERIOD_MESSAGE) period: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID('4') departmentId?: string;
}

export class PeriodQueryDto {
  @ApiProperty({ example: '2026Q4' }) @IsString() @Matches(PERIOD, PERIOD_MESSAGE) period: string;
}

export class OptionalPeriodQueryDto {
  @ApiPropertyOptional({ example: '2026Q4' })
  @IsOptional()
  @IsString()
  @Matches(PERIOD, PERIOD_MESSAGE)
  period?: string;
}

const Points = (max: number) => (target: object, key: string) => {
  ApiProperty({ minimum: 0, maximum: max })(target, key);
  IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })(target, key);
  Min(0)(target, key);
  Max(max)(target, key);
};
const Share = () => (target: object, key: string) => {
  ApiPropertyOptional({ minimum: 0, maximum: 1 })(target, key);
  IsOptional()(target, key);
  IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })(target, key);
  Min(0)(target, key);
  Max(1)(target, key);
};

export class SchemeWeightsDto implements Record<AssessmentRate, number> {
  @Points(100) onTimeRate: number;
  @Points(100) onTheSpotRate: number;
  @Points(100) satisfactionRate: number;
  @Points(100) rectifiedOnTimeRate: number;
}

export class SchemeMinimumsDto implements Partial<Record<AssessmentRate, number>> {
  @Share() onTimeRate?: number;
  @Share() onTheSpotRate?: number;
  @Share() satisfactionRate?: number;
  @Share() rectifiedOnTimeRate?: number;
}

export class ProposeSchemeDto implements AssessmentSchemeBody {
  @ApiProperty({ type: SchemeWeightsDto }) @Nested(() => SchemeWeightsDto) weights: SchemeWeightsDto;
  @Points(100) cardPenalty: number;
  @Points(100) complaintPenalty: number;
  @ApiProperty({ type: SchemeMinimumsDto }) @Nested(() => SchemeMinimumsDto) minimums: SchemeMinimumsDto;
  @ApiProperty({ minimum: 0, maximum: 10_000 }) @IsInt() @Min(0) @Max(10_000) minConcluded: number;
  @ApiProperty({ maxLength: 500 }) @RequiredText(500) note: string;
}

export class DecideSchemeDto {
  @ApiProperty() @IsBoolean() approve: boolean;
  @ApiProperty({ maxLength: 500 }) @RequiredText(500) note: string;
}

export class AwardProposalQueryDto extends PeriodQueryDto {
  @ApiProperty({ enum: Object.values(AwardKind) }) @IsIn(Object.values(AwardKind)) kind: AwardKind;
  @ApiPropertyOptional({ minimum: 1, maximum: 20, default: 3 })
  @IsOptional()
  @IntegerText()
  @IsInt()
  @Min(1)
  @Max(20)
  n?: number;
}

export class ConfirmAwardDto {
  @ApiProperty({ enum: Object.values(AwardKind) }) @IsIn(Object.values(AwardKind)) kind: AwardKind;
  @ApiProperty({ example: '2026Q4' }) @IsString() @Matches(PERIOD, PERIOD_MESSAGE) period: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true })
  subjectIds: string[];
  @ApiProperty({ maxLength: 500 }) @RequiredText(500) note: string;
}

/** The terminal's token header. */
export const TERMINAL_HEADER = TERMINAL_TOKEN_HEADER;
