import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AnswerSubtaskRequest,
  type DecideCaseRequest,
  type ReviewCaseRequest,
  type SubtaskOpinionRequest,
  SubtaskOutcome,
  SubtaskState,
} from '@onewindow/shared';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import { RequiredText } from '../../platform/http/validators.js';

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
