import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import {
  type AdvanceClockRequest,
  type PlatformClockDto,
  Role,
  type SetClockRequest,
  CALENDAR_FIRST_YEAR,
  CALENDAR_LAST_YEAR,
} from '@onewindow/shared';
import { IsInt, Max, Min } from 'class-validator';
import { Public, Roles } from '../auth/access.decorators.js';
import { Actor, type RequestActor } from '../auth/request-actor.js';
import { PlatformClockAdmin } from './platform-clock-admin.service.js';
import { PlatformClock } from './platform-clock.service.js';
import { IsInstant } from '../http/validators.js';

class SetClockDto implements SetClockRequest {
  @ApiProperty({ example: '2026-03-02T09:00:00+08:00' })
  @IsInstant([CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR])
  now: string;
}

class AdvanceClockDto implements AdvanceClockRequest {
  @ApiProperty({ example: 86400, description: '向前拨动的秒数' })
  @IsInt()
  @Min(0)
  @Max(10 * 366 * 86_400)
  seconds: number;
}

class PlatformClockResponse implements PlatformClockDto {
  @ApiProperty({ format: 'date-time' }) now: string;
  @ApiProperty({ enum: ['production', 'demo', 'test'] }) mode: PlatformClockDto['mode'];
  @ApiProperty() offsetMs: number;
  @ApiProperty() adjustable: boolean;
}

@ApiTags('platform 平台')
@Controller('platform/clock')
export class PlatformClockController {
  constructor(
    private readonly clock: PlatformClock,
    private readonly admin: PlatformClockAdmin,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '业务时钟的当前时间' })
  @ApiOkResponse({ type: PlatformClockResponse })
  get(): PlatformClockDto {
    return this.clock.describe();
  }

  @Put()
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '设置业务时间（仅演示/测试模式）' })
  @ApiOkResponse({ type: PlatformClockResponse })
  set(@Body() dto: SetClockDto, @Actor() actor: RequestActor): Promise<PlatformClockDto> {
    return this.admin.set(actor, new Date(dto.now));
  }

  @Post('advance')
  @HttpCode(200)
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '业务时间向前拨动（仅演示/测试模式）' })
  @ApiOkResponse({ type: PlatformClockResponse })
  advance(@Body() dto: AdvanceClockDto, @Actor() actor: RequestActor): Promise<PlatformClockDto> {
    return this.admin.advance(actor, dto.seconds);
  }
}
