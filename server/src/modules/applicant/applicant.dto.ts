import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type ApplicantDto, ApplicantType, type RegisterApplicantRequest } from '@onewindow/shared';
import { IsIn, IsOptional } from 'class-validator';
import { IsCreditCode, IsMobilePhone, IsPassword, IsResidentId, RequiredText } from '../../platform/http/validators.js';

export class RegisterApplicantDto implements RegisterApplicantRequest {
  @ApiProperty({ enum: Object.values(ApplicantType), description: '自然人或法人' })
  @IsIn(Object.values(ApplicantType))
  applicantType: ApplicantType;

  @ApiProperty({ example: '王小明', description: '本人姓名；法人为经办人姓名' })
  @RequiredText(50)
  name: string;
  @ApiProperty({ example: '13812345678', description: '手机号，也是登录名' }) @IsMobilePhone() phone: string;
  @ApiProperty({ example: '11010519491231002X', description: '居民身份证号（含校验位）' })
  @IsResidentId()
  idNumber: string;
  @ApiProperty({ description: '至少 8 位，含字母和数字' }) @IsPassword() password: string;
  @ApiPropertyOptional({ example: '杭州示例餐饮有限公司' })
  @IsOptional()
  @RequiredText(200)
  organizationName?: string;
  @ApiPropertyOptional({ example: '91330100MA2XXXXXX0' }) @IsOptional() @IsCreditCode() creditCode?: string;
}

export class ApplicantResponse implements ApplicantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: Object.values(ApplicantType) }) applicantType: ApplicantType;
  @ApiProperty() name: string;
  @ApiProperty({ example: '138****5678' }) phoneMasked: string;
  @ApiProperty({ example: '110***********002X' }) idNumberMasked: string;
  @ApiProperty({ type: String, nullable: true }) organizationName: string | null;
  @ApiProperty({ type: String, nullable: true }) creditCode: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
