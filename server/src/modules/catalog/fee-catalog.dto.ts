import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateFeeItemRequest, FeeStandardKind, type UpdateFeeItemRequest } from '@onewindow/shared';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min, ValidateIf } from 'class-validator';
import { RequiredText } from '../../platform/http/validators.js';

const MAX_FEN = 10_000_000_000; // 1 亿元

export class CreateFeeItemDto implements CreateFeeItemRequest {
  @ApiProperty({ example: 'BDC001' })
  @Matches(/^[A-Z0-9]{3,16}$/, { message: '收费项目编码须为 3–16 位大写字母或数字' })
  code: string;
  @ApiProperty({ example: '不动产登记费（住宅）' }) @RequiredText(100) name: string;
  @ApiProperty({ example: '《不动产登记暂行条例》；财税〔2016〕79号' })
  @RequiredText(1000, '收费须有法律或行政法规依据')
  legalBasis: string;
  @ApiProperty({ example: '发改价格规〔2016〕2559号' })
  @RequiredText(200)
  approvingDocument: string;
  @ApiProperty({ enum: Object.values(FeeStandardKind) })
  @IsIn(Object.values(FeeStandardKind))
  standardKind: FeeStandardKind;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '固定金额（分）' })
  @ValidateIf((o) => o.standardKind === 'FIXED')
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  amountFen: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: '单价（分）' })
  @ValidateIf((o) => o.standardKind === 'UNIT_PRICE')
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  unitPriceFen: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '件' })
  @ValidateIf((o) => o.standardKind === 'UNIT_PRICE')
  @RequiredText(20)
  unitName: string | null;
  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((o) => o.standardKind === 'RANGE')
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  minFen: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true })
  @ValidateIf((o) => o.standardKind === 'RANGE')
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  maxFen: number | null;
}

export class UpdateFeeItemDto implements UpdateFeeItemRequest {
  @ApiPropertyOptional() @IsOptional() @RequiredText(100) name?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @RequiredText(1000, '收费须有法律或行政法规依据')
  legalBasis?: string;
  @ApiPropertyOptional() @IsOptional() @RequiredText(200) approvingDocument?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
