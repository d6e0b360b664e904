import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DecideCaseRequest, ReviewCaseRequest } from '@onewindow/shared';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { RequiredText } from '../../platform/http/validators.js';

export class ReviewCaseDto implements ReviewCaseRequest {
  @ApiProperty() @IsBoolean() agree: boolean;
  @ApiProperty({ description: '审查意见' }) @RequiredText(2000) opinion: string;
}

export class DecideCaseDto implements DecideCaseRequest {
  @ApiProperty() @IsBoolean() approve: boolean;
  @ApiProperty() @RequiredText(2000) reason: string;
  @ApiPropertyOptional({ description: '不予许可时必填' }) @IsOptional() @IsString() @MaxLength(500) legalBasis?: string;
}
