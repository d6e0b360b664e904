import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CenterProfileDto,
  type CreateDepartmentRequest,
  type CreateServiceWindowRequest,
  type CreateStaffRequest,
  type DepartmentDto,
  type Page,
  type ResetPasswordRequest,
  Role,
  type ServiceWindowDto,
  type SetStaffAwayRequest,
  type StaffDto,
  type StaffQuery,
  STAFF_ROLES,
  type UpdateDepartmentRequest,
  type UpdateServiceWindowRequest,
  type UpdateStaffRequest,
  WindowKind,
} from '@onewindow/shared';
import {
  ArrayNotEmpty,
  ArrayUnique,
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
} from 'class-validator';
import { PageQueryDto } from '../../platform/http/paging.dto.js';
import { IsCreditCode, IsPassword, RequiredText } from '../../platform/http/validators.js';

// ---------- departments ----------

export class CreateDepartmentDto implements CreateDepartmentRequest {
  @ApiProperty({ example: 'SCJG', description: '部门编码：2–16 位大写字母或数字，用于办件编号' })
  @Matches(/^[A-Z0-9]{2,16}$/, { message: '部门编码须为 2–16 位大写字母或数字' })
  code: string;

  @ApiProperty({ example: '市场监督管理局' }) @RequiredText(100) name: string;
  @ApiProperty({ example: '市场监管' }) @RequiredText(30) shortName: string;
  @ApiProperty({ example: '11330100MB1234567X', description: '统一社会信用代码（含校验位）' })
  @IsCreditCode()
  creditCode: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() parentId?:
    string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(9999) sortOrder?: number;
}

export class UpdateDepartmentDto implements UpdateDepartmentRequest {
  @ApiPropertyOptional() @IsOptional() @RequiredText(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @RequiredText(30) shortName?: string;
  @ApiPropertyOptional() @IsOptional() @IsCreditCode() creditCode?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() parentId?:
    string | null;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(0) @Max(9999) sortOrder?: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class DepartmentResponse implements DepartmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() shortName: string;
  @ApiProperty() creditCode: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId: string | null;
  @ApiProperty() sortOrder: number;
  @ApiProperty() active: boolean;
}

// ---------- the center ----------

export class CenterProfileResponse implements CenterProfileDto {
  @ApiProperty({ example: '示范市政务服务中心' }) name: string;
  @ApiProperty({ example: '示范市市民大道 100 号市民中心 2 楼办事大厅' }) address: string;
  @ApiProperty({ example: '工作日 9:00–12:00，13:30–17:00（法定节假日除外）' }) hours: string;
  @ApiProperty({ example: '12345' }) hotline: string;
  @ApiProperty({ example: '12345' }) complaintPhone: string;
  @ApiProperty({ example: 3, description: '差评回访的工作日数' }) visitWorkingDays: number;
}

// ---------- windows ----------

export class CreateServiceWindowDto implements CreateServiceWindowRequest {
  @ApiProperty({ example: 'A01' })
  @Matches(/^[A-Z]{0,2}\d{1,4}$/, { message: '窗口编号如 A01、12' })
  number: string;

  @ApiProperty({ example: '市场监管综合窗口' }) @RequiredText(100) name: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() departmentId: string;
  @ApiProperty({ enum: Object.values(WindowKind) }) @IsIn(Object.values(WindowKind)) kind: WindowKind;
}

export class UpdateServiceWindowDto implements UpdateServiceWindowRequest {
  @ApiPropertyOptional() @IsOptional() @RequiredText(100) name?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ enum: Object.values(WindowKind) })
  @IsOptional()
  @IsIn(Object.values(WindowKind))
  kind?: WindowKind;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class WindowQueryDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
}

export class ServiceWindowResponse implements ServiceWindowDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() number: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ enum: Object.values(WindowKind) }) kind: WindowKind;
  @ApiProperty() active: boolean;
}

// ---------- staff ----------

const roleProp = { enum: STAFF_ROLES as Role[], isArray: true };

export class CreateStaffDto implements CreateStaffRequest {
  @ApiProperty({ example: 'zhangsan' })
  @Matches(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, { message: '登录名须以字母开头，3–32 位字母、数字、下划线、点或连字符' })
  login: string;

  @ApiProperty({ example: '张三' }) @RequiredText(50) name: string;
  @ApiProperty({ description: '初始密码：至少 8 位，含字母和数字' }) @IsPassword() password: string;
  @ApiProperty({ format: 'uuid' }) @IsUUID() departmentId: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() windowId?:
    string | null;
  @ApiProperty(roleProp) @IsArray() @ArrayNotEmpty() @ArrayUnique() @IsIn(STAFF_ROLES, { each: true }) roles: Role[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() backupStaffId?:
    string | null;
}

export class UpdateStaffDto implements UpdateStaffRequest {
  @ApiPropertyOptional() @IsOptional() @RequiredText(50) name?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() windowId?:
    string | null;
  @ApiPropertyOptional(roleProp)
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(STAFF_ROLES, { each: true })
  roles?: Role[];
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) @IsOptional() @IsUUID() backupStaffId?:
    string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

export class SetStaffAwayDto implements SetStaffAwayRequest {
  @ApiProperty({ description: '是否外出（AB岗由 B 角代办）' }) @IsBoolean() away: boolean;
}

export class ResetPasswordDto implements ResetPasswordRequest {
  @ApiProperty() @IsPassword() newPassword: string;
}

export class StaffQueryDto extends PageQueryDto implements StaffQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() departmentId?: string;
  @ApiPropertyOptional({ description: '按姓名或登录名查找' }) @IsOptional() @IsString() @MaxLength(50) q?: string;
}

export class StaffResponse implements StaffDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() login: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) departmentId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) windowId: string | null;
  @ApiProperty(roleProp) roles: Role[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) backupStaffId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'B 角姓名' }) backupStaffName: string | null;
  @ApiProperty() away: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty({ description: '因密码错误次数过多被锁定' }) locked: boolean;
}

export class StaffPageResponse implements Page<StaffDto> {
  @ApiProperty({ type: [StaffResponse] }) items: StaffResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
