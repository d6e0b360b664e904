import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ApiClientOwnerKind,
  ApiScope,
  type CreateApiClientRequest,
  type CreateWebhookRequest,
  type RotateApiClientSecretRequest,
  type RotateWebhookSecretRequest,
  type UpdateWebhookRequest,
  WEBHOOK_EVENT_TYPE_PATTERN,
  WebhookDeliveryStatus,
} from '@onewindow/shared';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  Matches,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  DecideCaseDto,
  ForwardAnswerDto,
  ForwardCaseDto,
  ReviewCaseDto,
  SubtaskOpinionDto,
} from '../approval/approval.module.js';
import { DeliverCaseDto } from '../acceptance/acceptance.module.js';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import { IntegerText, IsMobilePhone, RequiredText } from '../../platform/http/validators.js';

export class CreateApiClientDto implements CreateApiClientRequest {
  @ApiProperty({ example: '市公安局户籍业务系统' }) @RequiredText(60) name: string;
  @ApiProperty({ enum: Object.values(ApiClientOwnerKind) })
  @IsIn(Object.values(ApiClientOwnerKind))
  ownerKind: ApiClientOwnerKind;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: '所属部门（部门的接入应用必填）' })
  @ValidateIf((o: CreateApiClientDto) => o.ownerKind === ApiClientOwnerKind.DEPARTMENT || o.departmentId != null)
  @IsUUID('4', { message: '请选择部门' })
  departmentId?: string | null;
  @ApiProperty({ enum: Object.values(ApiScope), isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: '至少选择一项权限' })
  @IsIn(Object.values(ApiScope), { each: true })
  scopes: ApiScope[];
  @ApiProperty() @RequiredText(50) contactName: string;
  @ApiProperty() @IsMobilePhone() contactPhone: string;
  @ApiPropertyOptional({ description: '每分钟请求上限', default: 600 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  ratePerMinute?: number;
}

export class RotateSecretDto implements RotateApiClientSecretRequest {
  @ApiProperty({ description: '旧密钥继续有效的小时数（0：立即失效）' })
  @IsInt()
  @Min(0)
  @Max(720)
  overlapHours: number;
}

export class RevokeClientDto {
  @ApiProperty() @RequiredText(500) reason: string;
}

/** RFC 6749 §4.4.2, as a form or as JSON; client_id and client_secret may come in HTTP Basic instead. */
export class TokenRequestDto {
  @ApiProperty({ example: 'client_credentials' }) @IsString() @MaxLength(40) grant_type: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) client_id?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(120) client_secret?: string;
}

/** Each push may say when the department's system did it (`occurredAt`); the server's own time is the record's. */
export class ClientReviewDto extends ReviewCaseDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '应为 ISO 8601 时间' })
  occurredAt?: string;
}
export class ClientDecisionDto extends DecideCaseDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '应为 ISO 8601 时间' })
  occurredAt?: string;
}
export class ClientForwardDto extends ForwardCaseDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '应为 ISO 8601 时间' })
  occurredAt?: string;
}
export class ClientForwardAnswerDto extends ForwardAnswerDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '应为 ISO 8601 时间' })
  occurredAt?: string;
}
export class ClientDeliveryDto extends DeliverCaseDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '应为 ISO 8601 时间' })
  occurredAt?: string;
}
export class ClientSubtaskOpinionDto extends SubtaskOpinionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '应为 ISO 8601 时间' })
  occurredAt?: string;
}

export class EventFeedQueryDto {
  @ApiPropertyOptional({ description: '上一页返回的 next；不填从头开始', example: '0-0' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  after?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @IntegerText()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

const EVENT_TYPES_HINT = '事件类型形如 case.accept、case.*、subtask.*、card.*、payment.* 或 *';

export class CreateWebhookDto implements CreateWebhookRequest {
  @ApiProperty({ example: 'https://gaj.example.gov.cn/onewindow/webhooks' }) @RequiredText(2000) url: string;
  @ApiProperty({ example: ['case.*', 'subtask.*'], isArray: true, type: String })
  @IsArray()
  @ArrayMinSize(1, { message: '至少订阅一种事件' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(WEBHOOK_EVENT_TYPE_PATTERN, { each: true, message: EVENT_TYPES_HINT })
  eventTypes: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) description?: string;
}

export class UpdateWebhookDto implements UpdateWebhookRequest {
  @ApiPropertyOptional() @IsOptional() @RequiredText(2000) url?: string;
  @ApiPropertyOptional({ isArray: true, type: String })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: '至少订阅一种事件' })
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(WEBHOOK_EVENT_TYPE_PATTERN, { each: true, message: EVENT_TYPES_HINT })
  eventTypes?: string[];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) description?: string;
  @ApiPropertyOptional({ description: 'false 停止推送（待送达的保留），true 恢复' })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class RotateWebhookSecretDto implements RotateWebhookSecretRequest {
  @ApiProperty({ description: '旧密钥继续同时签名的小时数（0：立即停用）' })
  @IsInt()
  @Min(0)
  @Max(720)
  overlapHours: number;
}

export class WebhookDeliveryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(WebhookDeliveryStatus) })
  @IsOptional()
  @IsIn(Object.values(WebhookDeliveryStatus))
  status?: WebhookDeliveryStatus;
}
