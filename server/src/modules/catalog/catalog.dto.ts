import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type AttachmentRef,
  Audience,
  type CoDepartmentSpec,
  type LifeEventContent,
  MATTER_CODE_PATTERN,
  type SaveLifeEventRequest,
  HandlingKind,
  LimitUnit,
  MATTER_LIST_STATES,
  type MatterListState,
  MaterialForm,
  MATERIAL_KEY_PATTERN,
  type MaterialSpec,
  type MatterContent,
  MatterType,
  PauseReason,
  type SpecialProcedureSpec,
} from '@onewindow/shared';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
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
import { Nested } from '../../platform/http/validators.js';

class LimitDto {
  @ApiProperty() @IsInt() @Min(0) @Max(3650) value: number;
  @ApiProperty({ enum: Object.values(LimitUnit) }) @IsIn(Object.values(LimitUnit)) unit: LimitUnit;
}

class AttachmentRefDto implements AttachmentRef {
  @ApiProperty({ format: 'uuid' }) @IsUUID() fileId: string;
  @ApiProperty() @IsString() @MaxLength(160) fileName: string;
}

class MaterialDto implements MaterialSpec {
  @ApiProperty() @IsString() @MaxLength(200) name: string;
  @ApiPropertyOptional({
    nullable: true,
    description: '材料共享编码：一件事中各事项同编码的材料只收一次（如 ID_CARD、BUSINESS_LICENCE）',
    example: 'BUSINESS_LICENCE',
  })
  @IsOptional()
  @Matches(MATERIAL_KEY_PATTERN, { message: '应为大写字母开头的字母、数字或下划线（2 至 40 位）' })
  key?: string | null;
  @ApiProperty({ enum: Object.values(MaterialForm) }) @IsIn(Object.values(MaterialForm)) form: MaterialForm;
  @ApiProperty() @IsInt() @Min(0) @Max(99) copies: number;
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiProperty({ description: '可容缺受理' }) @IsBoolean() deferrable: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) notes?: string;
  @ApiPropertyOptional({ type: AttachmentRefDto, nullable: true, description: '空白表格' })
  @IsOptional()
  @Nested(() => AttachmentRefDto)
  blankForm?: AttachmentRefDto | null;
  @ApiPropertyOptional({ type: AttachmentRefDto, nullable: true, description: '示例样表' })
  @IsOptional()
  @Nested(() => AttachmentRefDto)
  sample?: AttachmentRefDto | null;
}

class CoDepartmentDto implements CoDepartmentSpec {
  @ApiProperty({ format: 'uuid' }) @IsUUID() departmentId: string;
  @ApiProperty({ type: LimitDto }) @Nested(() => LimitDto) subtaskLimit: LimitDto;
  @ApiProperty({ description: '超时视为同意' }) @IsBoolean() silenceIsConsent: boolean;
}

class SpecialProcedureDto implements SpecialProcedureSpec {
  @ApiProperty({ enum: Object.values(PauseReason) }) @IsIn(Object.values(PauseReason)) kind: PauseReason;
  @ApiProperty({ type: Boolean, nullable: true }) @IsOptional() @IsBoolean() countsTowardLimit: boolean | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
}

/** Every element of a matter version. Structure is checked here; the publishing rules at publish time. */
export class MatterContentDto implements MatterContent {
  @ApiProperty({ example: '食品经营许可' }) @IsString() @MaxLength(100) name: string;
  @ApiProperty({ enum: Object.values(MatterType) }) @IsIn(Object.values(MatterType)) matterType: MatterType;
  @ApiProperty({ format: 'uuid' }) @IsUUID() departmentId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() windowId: string | null;
  @ApiProperty({ enum: Object.values(Audience) }) @IsIn(Object.values(Audience)) audience: Audience;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  themes: string[];
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  lifeEvents: string[];
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(40)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  keywords: string[];
  @ApiProperty() @IsString() @MaxLength(4000) description: string;
  @ApiProperty() @IsString() @MaxLength(4000) legalBasis: string;
  @ApiProperty() @IsString() @MaxLength(4000) acceptanceConditions: string;
  @ApiProperty({ type: [MaterialDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => MaterialDto)
  materials: MaterialDto[];
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(500, { each: true })
  procedure: string[];
  @ApiProperty({ type: LimitDto }) @Nested(() => LimitDto) statutoryLimit: LimitDto;
  @ApiProperty({ type: LimitDto }) @Nested(() => LimitDto) promisedLimit: LimitDto;
  @ApiPropertyOptional({ type: LimitDto, nullable: true, description: '绿色通道时限（重点项目），须短于承诺时限' })
  @IsOptional()
  @Nested(() => LimitDto)
  greenChannelLimit?: LimitDto | null;
  @ApiProperty({ enum: Object.values(HandlingKind) }) @IsIn(Object.values(HandlingKind)) handlingKind: HandlingKind;
  @ApiProperty({ type: [CoDepartmentDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => CoDepartmentDto)
  coDepartments: CoDepartmentDto[];
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(16, { each: true })
  feeItemCodes: string[];
  @ApiProperty() @IsInt() @Min(0) @Max(10) visitsOnSite: number;
  @ApiProperty({ type: [SpecialProcedureDto] })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SpecialProcedureDto)
  specialProcedures: SpecialProcedureDto[];
  @ApiProperty() @IsBoolean() onlineAvailable: boolean;
  @ApiProperty() @IsString() @MaxLength(40) contactPhone: string;
  @ApiProperty() @IsString() @MaxLength(40) complaintPhone: string;
}

export class CreateMatterDto {
  @ApiPropertyOptional({ description: '主项编号（5 位）；不填则取下一个' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(99999)
  mainItem?: number;
  @ApiPropertyOptional({ description: '子项编号（3 位），默认 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  subItem?: number;
  @ApiProperty({ type: MatterContentDto }) @Nested(() => MatterContentDto) content: MatterContentDto;
}

export class SaveDraftDto {
  @ApiProperty({ type: MatterContentDto }) @Nested(() => MatterContentDto) content: MatterContentDto;
}

export class MatterQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ description: '名称或编码' }) @IsOptional() @IsString() @MaxLength(50) q?: string;
  @ApiPropertyOptional({ enum: Object.values(HandlingKind) })
  @IsOptional()
  @IsIn(Object.values(HandlingKind))
  handlingKind?: HandlingKind;
  @ApiPropertyOptional({
    enum: MATTER_LIST_STATES,
    description: 'PUBLISHED 已发布；DRAFT 有草稿；UNPUBLISHED 从未发布；WITHDRAWN 已撤回',
  })
  @IsOptional()
  @IsIn(MATTER_LIST_STATES)
  state?: MatterListState;
}

export class PublicSearchDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '中文或拼音首字母，如 食品 或 spjy' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
  @ApiPropertyOptional({ description: '部门编码，如 SCJG' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  department?: string;
  @ApiPropertyOptional({ enum: Object.values(Audience) })
  @IsOptional()
  @IsIn(Object.values(Audience))
  audience?: Audience;
  @ApiPropertyOptional({ description: '主题或人生事件，如 开办企业' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  theme?: string;
}

/** The exchange file; each row's content is checked row by row by the import, so one bad row is reported, not a 400. */
export class CatalogFileDto {
  @ApiProperty({ enum: ['onewindow-catalog'] }) @IsIn(['onewindow-catalog']) format: 'onewindow-catalog';
  @ApiProperty({ enum: [1] }) @IsIn([1]) formatVersion: 1;
  @ApiPropertyOptional() @IsOptional() @IsString() exportedAt?: string;
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsObject({ each: true })
  matters: { code: string; content: MatterContent }[];
}

export class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'] }) @IsOptional() @IsIn(['true', 'false']) dryRun?: 'true' | 'false';
}

export class LifeEventContentDto implements LifeEventContent {
  @ApiProperty({ example: '开办餐馆' }) @IsString() @MaxLength(60) name: string;
  @ApiProperty() @IsString() @MaxLength(2000) description: string;
  @ApiProperty({ enum: Object.values(Audience) }) @IsIn(Object.values(Audience)) audience: Audience;
  @ApiProperty({ type: [String], description: '所含事项的实施编码，按申请人看到的顺序' })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(MATTER_CODE_PATTERN, { each: true, message: '应为事项实施编码，如 XK00001001' })
  matterCodes: string[];
}

export class SaveLifeEventDto implements SaveLifeEventRequest {
  @ApiProperty({ type: LifeEventContentDto }) @Nested(() => LifeEventContentDto) content: LifeEventContentDto;
}
