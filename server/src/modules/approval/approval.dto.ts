import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AnswerSubtaskRequest,
  type ArrangeInspectionRequest,
  type RecordFindingsRequest,
  type DecideCaseRequest,
  type ForwardAnswerRequest,
  type ForwardCaseRequest,
  type ReviewCaseRequest,
  type SubtaskOpinionRequest,
  SubtaskOutcome,
  SubtaskState,
} from '@onewindow/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import { IsDay, RequiredText } from '../../platform/http/validators.js';

export class ReviewCaseDto implements ReviewCaseRequest {
  @ApiProperty() @IsBoolean() agree: boolean;
  @ApiProperty({ description: '审查意见' }) @RequiredText(2000) opinion: string;
}

export class DecideCaseDto implements DecideCaseRequest {
  @ApiProperty() @IsBoolean() approve: boolean;
  @ApiProperty() @RequiredText(2000) reason: string;
  @ApiPropertyOptional({ description: '不予许可时必填' }) @IsOptional() @IsString() @MaxLength(500) legalBasis?: string;
  @ApiPropertyOptional({ description: '协办部门不同意而准予许可时必填：不采纳其意见的理由' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  overrideReason?: string;
}

export class ForwardCaseDto implements ForwardCaseRequest {
  @ApiProperty({ example: '省人民政府' }) @RequiredText(100) authority: string;
  @ApiProperty({ description: '本级初审意见' }) @RequiredText(2000) opinion: string;
}

export class ForwardAnswerDto implements ForwardAnswerRequest {
  @ApiProperty() @IsBoolean() approve: boolean;
  @ApiProperty({ description: '上级机关的决定理由' }) @RequiredText(2000) reason: string;
  @ApiPropertyOptional({ description: '不予许可时必填' }) @IsOptional() @IsString() @MaxLength(500) legalBasis?: string;
  @ApiProperty({ description: '上级机关的批复文号', example: '浙政土〔2026〕88 号' })
  @RequiredText(100)
  documentNo: string;
}

export class SubtaskOpinionDto implements SubtaskOpinionRequest {
  @ApiProperty({ enum: Object.values(SubtaskOutcome) }) @IsIn(Object.values(SubtaskOutcome)) outcome: SubtaskOutcome;
  @ApiProperty({ description: '同意：意见；不同意：理由；退回：需补充的内容' }) @RequiredText(2000) opinion: string;
  @ApiPropertyOptional({ description: '附条件同意的条件' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  conditions?: string;
  @ApiPropertyOptional({ description: '不同意时必填' }) @IsOptional() @IsString() @MaxLength(500) legalBasis?: string;
}

export class AnswerSubtaskDto implements AnswerSubtaskRequest {
  @ApiProperty({ description: '对退回的答复（如材料已补齐）' }) @RequiredText(2000) answer: string;
}

export class SubtaskQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(SubtaskState) })
  @IsOptional()
  @IsIn(Object.values(SubtaskState))
  state?: SubtaskState;
}

export class ArrangeInspectionDto implements ArrangeInspectionRequest {
  @ApiProperty({ format: 'date', description: '踏勘日期' }) @IsDay() date: string;
  @ApiProperty({ type: [String], description: '参加部门（牵头部门和本件协办部门，至少两个）' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true })
  departmentIds: string[];
  @ApiProperty({ description: '预计所需工作日' }) @IsInt() @Min(1) @Max(60) expectedDays: number;
  @ApiProperty({ description: '告知申请人的内容（集合地点、需准备的事项）' }) @RequiredText(2000) notice: string;
}

export class RecordFindingsDto implements RecordFindingsRequest {
  @ApiProperty({ description: '本部门的踏勘意见' }) @RequiredText(4000) findings: string;
}
