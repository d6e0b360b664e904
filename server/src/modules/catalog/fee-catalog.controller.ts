import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@onewindow/shared';
import { Public, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, type RequestActor } from '../../platform/auth/request-actor.js';
import { RATE_LIMIT_GROUP } from '../../platform/http/rate-limit.js';
import { FeeCatalogService } from './fee-catalog.service.js';
import { CreateFeeItemDto, UpdateFeeItemDto } from './fee-catalog.dto.js';

@ApiTags('fees 收费')
@Controller('fees/items')
export class FeeCatalogController {
  constructor(private readonly fees: FeeCatalogService) {}

  @Get()
  @Public()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '收费目录（公开：项目、依据、标准）' })
  list() {
    return this.fees.list();
  }

  @Post()
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '新增收费项目（须有法律依据和批准的收费标准）' })
  create(@Body() dto: CreateFeeItemDto, @Actor() actor: RequestActor) {
    return this.fees.create(actor, dto);
  }

  @Patch(':code')
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '修改收费项目的名称、依据、批准文件或启停用' })
  update(@Param('code') code: string, @Body() dto: UpdateFeeItemDto, @Actor() actor: RequestActor) {
    return this.fees.update(actor, code, dto);
  }
}
