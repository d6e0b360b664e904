import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CaseState,
  type AcceptBundleRequest,
  type AcceptCaseRequest,
  BundleQueue,
  type DeliverBundleRequest,
  LIFE_EVENT_CODE_PATTERN,
  type SaveBundleDraftRequest,
  type StartBundleRequest,
  ApplicantKind,
  type CaseApplicantInput,
  type CaseMaterialInput,
  CaseMaterialStatus,
  CaseQueue,
  type DeliverCaseRequest,
  type MarkKeyProjectRequest,
  type RevokeKeyProjectRequest,
  DeliveryMethod,
  PauseReason,
  type RejectCaseRequest,
  type RequestExtensionRequest,
  type SaveCaseDraftRequest,
  type StartOnlineCaseRequest,
  type SupplementCaseRequest,
  type SupplementItemDto,
  type SupplyCaseRequest,
  type SuspendCaseRequest,
  type WalkInCaseRequest,
  type WithdrawCaseRequest,
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
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import {
  IsAnyIdNumber,
  IsApplicantIdNumber,
  IsDay,
  IsMobilePhone,
  IsProjectCode,
  Nested,
  RequiredText,
} from '../../platform/http/validators.js';

/** Required free text of at most `max` characters. */

export class CaseApplicantDto implements CaseApplicantInput {
  @ApiProperty({ enum: Object.values(ApplicantKind) }) @IsIn(Object.values(ApplicantKind)) kind: ApplicantKind;
  @ApiProperty({ example: '张三' }) @RequiredText(100) name: string;
  @ApiProperty({ description: '自然人填身份证号；法人填统一社会信用代码（检查校验位）' })
  @IsApplicantIdNumber()
  idNumber: string;
  @ApiProperty({ description: '经办人' }) @RequiredText(50) contactName: string;
  @ApiProperty() @IsMobilePhone() phone: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) address?: string;
  @ApiPropertyOptional({ description: '投资项目代码（重点项目走绿色通道）', example: '2026-330102-47-01-000123' })
  @IsOptional()
  @IsProjectCode()
  projectCode?: string | null;
}

export class MarkKeyProjectDto implements MarkKeyProjectRequest {
  @ApiProperty({ example: '2026-330102-47-01-000123' }) @IsProjectCode() projectCode: string;
  @ApiProperty() @RequiredText(100) projectName: string;
  @ApiProperty() @RequiredText(100) applicantName: string;
  @ApiProperty({ description: '申请人统一社会信用代码或身份证号' }) @IsAnyIdNumber() idNumber: string;
  @ApiProperty({ description: '列为重点项目的理由（如 省市重点建设项目文件）' }) @RequiredText(500) reason: string;
}

export class RevokeKeyProjectDto implements RevokeKeyProjectRequest {
  @ApiProperty() @RequiredText(500) reason: string;
}

export class CaseMaterialInputDto implements CaseMaterialInput {
  @ApiProperty() @IsInt() @Min(0) @Max(99) index: number;
  @ApiProperty({ enum: Object.values(CaseMaterialStatus) })
  @IsIn(Object.values(CaseMaterialStatus))
  status: CaseMaterialStatus;
}

export class StartOnlineCaseDto implements StartOnlineCaseRequest {
  @ApiProperty({ example: 'XK00001001' })
  @IsString()
  @Matches(/^[A-Z]{2}\d{8}$/, { message: '事项编码格式不正确' })
  matterCode: string;
}

export class SaveCaseDraftDto implements SaveCaseDraftRequest {
  @ApiProperty({ type: CaseApplicantDto }) @Nested(() => CaseApplicantDto) applicant: CaseApplicantDto;
  @ApiProperty({ type: [CaseMaterialInputDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CaseMaterialInputDto)
  materials: CaseMaterialInputDto[];
}

export class WalkInCaseDto extends SaveCaseDraftDto implements WalkInCaseRequest {
  @ApiProperty({ example: 'QT00001001' })
  @IsString()
  @Matches(/^[A-Z]{2}\d{8}$/, { message: '事项编码格式不正确' })
  matterCode: string;
}

export class AcceptCaseDto implements AcceptCaseRequest {
  @ApiPropertyOptional({ description: '容缺受理：申请人承诺补交日期 YYYY-MM-DD' })
  @IsOptional()
  @IsDay()
  deferredPromiseDate?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) opinion?: string;
}

export class RejectCaseDto implements RejectCaseRequest {
  @ApiProperty({ description: '不予受理的理由' }) @RequiredText(1000) reason: string;
  @ApiProperty({ description: '法律依据' }) @RequiredText(500) legalBasis: string;
}

class SupplementItemInputDto implements SupplementItemDto {
  @ApiProperty({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(99) materialIndex: number | null;
  @ApiProperty({ description: '需要补正的内容' }) @RequiredText(500) text: string;
}

export class SupplementCaseDto implements SupplementCaseRequest {
  @ApiProperty({ type: [SupplementItemInputDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '至少列出一项' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SupplementItemInputDto)
  items: SupplementItemInputDto[];
}

export class SupplyCaseDto implements SupplyCaseRequest {
  @ApiProperty({ type: [Number] }) @IsArray() @ArrayMaxSize(100) @IsInt({ each: true }) materialIndexes: number[];
}

const SPECIAL_PROCEDURES = Object.values(PauseReason).filter((r) => r !== 'SUPPLEMENT' && r !== 'JOINT_INSPECTION');

export class SuspendCaseDto implements SuspendCaseRequest {
  // 补正 has its own action, 联合踏勘 its arrangement (POST /cases/:id/joint-inspection).
  @ApiProperty({ enum: SPECIAL_PROCEDURES })
  @IsIn(SPECIAL_PROCEDURES)
  kind: PauseReason;
  @ApiProperty({ description: '预计所需工作日' }) @IsInt() @Min(1) @Max(365) expectedDays: number;
  @ApiProperty({ description: '告知申请人的内容' }) @RequiredText(2000) notice: string;
}

export class RequestExtensionDto implements RequestExtensionRequest {
  @ApiProperty() @IsInt() @Min(1) @Max(15) days: number;
  @ApiProperty() @RequiredText(1000) reason: string;
}

export class ExtensionDecisionDto {
  @ApiProperty() @IsBoolean() approve: boolean;
}

export class DeliverCaseDto implements DeliverCaseRequest {
  @ApiProperty({ enum: Object.values(DeliveryMethod) }) @IsIn(Object.values(DeliveryMethod)) method: DeliveryMethod;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) carrier?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) trackingNo?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(60) certificateNo?: string;
}

export class WithdrawCaseDto implements WithdrawCaseRequest {
  @ApiProperty() @RequiredText(500) reason: string;
}

export class CaseQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: Object.values(CaseQueue) })
  @IsOptional()
  @IsIn(Object.values(CaseQueue))
  queue?: CaseQueue;
  @ApiPropertyOptional({ description: '收件编号、办件编号、申请人或事项名称' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
  @ApiPropertyOptional({ enum: Object.values(CaseState), description: '办件状态' })
  @IsOptional()
  @IsIn(Object.values(CaseState))
  state?: CaseState;
  @ApiPropertyOptional({ description: '收件日期起（含）', example: '2026-11-01' }) @IsOptional() @IsDay() from?: string;
  @ApiPropertyOptional({ description: '收件日期止（含）', example: '2026-11-30' }) @IsOptional() @IsDay() to?: string;
}

export class ProgressQueryDto {
  @ApiProperty({ description: '办件编号或收件编号' }) @IsString() @MaxLength(40) no: string;
  @ApiProperty({ description: '查询码' }) @IsString() @MaxLength(8) code: string;
}

// ---------- 一件事一次办 ----------

export class StartBundleDto implements StartBundleRequest {
  @ApiProperty({ example: 'YJS0001' })
  @IsString()
  @Matches(LIFE_EVENT_CODE_PATTERN, { message: '一件事编码格式不正确' })
  lifeEventCode: string;
}

export class SaveBundleDraftDto implements SaveBundleDraftRequest {
  @ApiProperty({ type: CaseApplicantDto }) @Nested(() => CaseApplicantDto) applicant: CaseApplicantDto;
  @ApiProperty({ type: [CaseMaterialInputDto], description: '按合并后的材料清单序号' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => CaseMaterialInputDto)
  materials: CaseMaterialInputDto[];
}

export class WalkInBundleDto extends SaveBundleDraftDto {
  @ApiProperty({ example: 'YJS0001' })
  @IsString()
  @Matches(LIFE_EVENT_CODE_PATTERN, { message: '一件事编码格式不正确' })
  lifeEventCode: string;
}

export class AcceptBundleDto extends AcceptCaseDto implements AcceptBundleRequest {}

class BundleCertificateDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4') caseId: string;
  @ApiProperty() @RequiredText(60) certificateNo: string;
}

export class DeliverBundleDto implements DeliverBundleRequest {
  @ApiProperty({ enum: Object.values(DeliveryMethod) }) @IsIn(Object.values(DeliveryMethod)) method: DeliveryMethod;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) carrier?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) trackingNo?: string;
  @ApiPropertyOptional({ type: [BundleCertificateDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => BundleCertificateDto)
  certificates?: BundleCertificateDto[];
}

export class BundleQueueQueryDto {
  @ApiPropertyOptional({ enum: Object.values(BundleQueue) })
  @IsOptional()
  @IsIn(Object.values(BundleQueue))
  queue?: BundleQueue;
}

export class BundleProgressQueryDto {
  @ApiProperty({ description: '一件事编号' }) @IsString() @MaxLength(20) no: string;
  @ApiProperty({ description: '查询码' }) @IsString() @MaxLength(8) code: string;
}
