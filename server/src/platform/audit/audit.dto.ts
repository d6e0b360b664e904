import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditEntryDto, AuditQuery, AuditVerifyResult, Page } from '@onewindow/shared';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../http/paging.dto.js';

export class AuditQueryDto extends PageQueryDto implements AuditQuery {
  @ApiPropertyOptional({ example: 'org.staff.created' }) @IsOptional() @IsString() @MaxLength(64) action?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) targetType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) targetId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) actorId?: string;
}

export class AuditEntryResponse implements AuditEntryDto {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) actorKind: string | null;
  @ApiProperty({ type: String, nullable: true }) actorName: string | null;
  @ApiProperty({ type: String, nullable: true }) role: string | null;
  @ApiProperty({ type: String, nullable: true }) departmentId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'AB岗：代为办理时被代理人' }) actingForId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() targetType: string;
  @ApiProperty({ type: String, nullable: true }) targetId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) summary: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({ type: String, nullable: true }) clientIp: string | null;
  @ApiProperty() hash: string;
}

export class AuditPageResponse implements Page<AuditEntryDto> {
  @ApiProperty({ type: [AuditEntryResponse] }) items: AuditEntryResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class AuditVerifyResponse implements AuditVerifyResult {
  @ApiProperty() ok: boolean;
  @ApiProperty() checked: number;
  @ApiProperty({ type: Number, nullable: true }) firstBrokenSeq: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['CONTENT_HASH_MISMATCH', 'PREVIOUS_HASH_MISMATCH', 'SEQUENCE_GAP'],
  })
  reason: AuditVerifyResult['reason'];
}
