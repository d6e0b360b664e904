import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { DEFAULT_PAGE_SIZE } from './paging.js';
import { IntegerText } from './validators.js';

/** `page` and `pageSize` of every list; applied by Paging. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @IntegerText()
  @IsInt()
  @Min(1)
  @Max(100_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @IntegerText()
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}
