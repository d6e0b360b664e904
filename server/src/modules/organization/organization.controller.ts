import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type CenterProfileDto, type Principal, Role } from '@onewindow/shared';
import { AnyStaff, Public, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, CurrentPrincipal, type RequestActor } from '../../platform/auth/request-actor.js';
import { APP_CONFIG, type AppConfig } from '../../platform/config/app-config.js';
import { RATE_LIMIT_GROUP } from '../../platform/http/rate-limit.js';
import { DepartmentService } from './department.service.js';
import {
  CenterProfileResponse,
  CreateDepartmentDto,
  CreateServiceWindowDto,
  CreateStaffDto,
  DepartmentResponse,
  ResetPasswordDto,
  ServiceWindowResponse,
  SetStaffAwayDto,
  StaffPageResponse,
  StaffQueryDto,
  StaffResponse,
  UpdateDepartmentDto,
  UpdateServiceWindowDto,
  UpdateStaffDto,
  WindowQueryDto,
} from './organization.dto.js';
import { ServiceWindowService } from './service-window.service.js';
import { StaffService } from './staff.service.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('org 部门')
@Controller('org/departments')
export class DepartmentController {
  constructor(private readonly departments: DepartmentService) {}

  @Get()
  @Public()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '部门列表（公开）' })
  @ApiOkResponse({ type: [DepartmentResponse] })
  list() {
    return this.departments.list();
  }

  @Post()
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '新增部门' })
  @ApiCreatedResponse({ type: DepartmentResponse })
  create(@Body() dto: CreateDepartmentDto, @Actor() actor: RequestActor) {
    return this.departments.create(actor, dto);
  }

  @Patch(':id')
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '修改部门' })
  @ApiOkResponse({ type: DepartmentResponse })
  update(@Param('id', uuid) id: string, @Body() dto: UpdateDepartmentDto, @Actor() actor: RequestActor) {
    return this.departments.update(actor, id, dto);
  }
}

@ApiTags('org 窗口')
@Controller('org/windows')
export class ServiceWindowController {
  constructor(private readonly windows: ServiceWindowService) {}

  @Get()
  @Public()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '窗口列表（公开，大厅指引用）' })
  @ApiOkResponse({ type: [ServiceWindowResponse] })
  list(@Query() q: WindowQueryDto) {
    return this.windows.list(q.departmentId);
  }

  @Post()
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '新增窗口' })
  @ApiCreatedResponse({ type: ServiceWindowResponse })
  create(@Body() dto: CreateServiceWindowDto, @Actor() actor: RequestActor) {
    return this.windows.create(actor, dto);
  }

  @Patch(':id')
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '修改窗口' })
  @ApiOkResponse({ type: ServiceWindowResponse })
  update(@Param('id', uuid) id: string, @Body() dto: UpdateServiceWindowDto, @Actor() actor: RequestActor) {
    return this.windows.update(actor, id, dto);
  }
}

@ApiTags('org 工作人员')
@Controller('org/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  @AnyStaff()
  @ApiOperation({ summary: '工作人员列表（非全中心角色只见本部门）' })
  @ApiOkResponse({ type: StaffPageResponse })
  list(@Query() q: StaffQueryDto, @CurrentPrincipal() p: Principal) {
    return this.staff.list(p, q);
  }

  @Get(':id')
  @AnyStaff()
  @ApiOperation({ summary: '工作人员详情（部门范围内）' })
  @ApiOkResponse({ type: StaffResponse })
  get(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.staff.get(p, id);
  }

  @Post()
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '新增工作人员及其登录账号' })
  @ApiCreatedResponse({ type: StaffResponse })
  create(@Body() dto: CreateStaffDto, @Actor() actor: RequestActor) {
    return this.staff.create(actor, dto);
  }

  @Patch(':id')
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '修改工作人员（角色、部门、窗口、B 角、启停用）' })
  @ApiOkResponse({ type: StaffResponse })
  update(@Param('id', uuid) id: string, @Body() dto: UpdateStaffDto, @Actor() actor: RequestActor) {
    return this.staff.update(actor, id, dto);
  }

  @Put(':id/away')
  @AnyStaff()
  @ApiOperation({ summary: '设置外出（本人、本部门负责人或中心管理员）' })
  @ApiOkResponse({ type: StaffResponse })
  setAway(@Param('id', uuid) id: string, @Body() dto: SetStaffAwayDto, @Actor() actor: RequestActor) {
    return this.staff.setAway(actor, id, dto.away);
  }

  @Post(':id/password')
  @HttpCode(204)
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '重置密码并解除锁定' })
  resetPassword(@Param('id', uuid) id: string, @Body() dto: ResetPasswordDto, @Actor() actor: RequestActor) {
    return this.staff.resetPassword(actor, id, dto.newPassword);
  }
}

@ApiTags('org 部门')
@Controller('public/center')
export class CenterController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Public()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '中心名称、大厅地址、办公时间和服务、投诉电话（公开）' })
  @ApiOkResponse({ type: CenterProfileResponse })
  get(): CenterProfileDto {
    return { ...this.config.center, visitWorkingDays: this.config.evaluation.visitWorkingDays };
  }
}
