import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type LoginResponse, type Principal, Role, STAFF_ROLES } from '@onewindow/shared';
import { RATE_LIMIT_GROUP } from '../http/rate-limit.js';
import { Public, Roles } from './access.decorators.js';
import { ChangePasswordDto, LoginDto, LoginResponseDto, PrincipalDto, RefreshDto } from './auth.dto.js';
import { AuthService } from './auth.service.js';
import { Actor, CurrentPrincipal, type RequestActor } from './request-actor.js';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'login' })
  @ApiOperation({ summary: '登录（工作人员或申请人），返回访问令牌和刷新令牌' })
  @ApiOkResponse({ type: LoginResponseDto })
  login(@Body() dto: LoginDto, @Actor() actor: RequestActor): Promise<LoginResponse> {
    return this.auth.login(dto.login, dto.password, actor);
  }

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'login' })
  @ApiOperation({ summary: '用刷新令牌换取新的令牌（刷新令牌每次轮换）' })
  @ApiOkResponse({ type: LoginResponseDto })
  refresh(@Body() dto: RefreshDto, @Actor() actor: RequestActor): Promise<LoginResponse> {
    return this.auth.refresh(dto.refreshToken, actor);
  }

  @Post('logout')
  @HttpCode(204)
  @Roles(...STAFF_ROLES, Role.APPLICANT)
  @ApiOperation({ summary: '退出登录，结束当前会话' })
  logout(@Actor() actor: RequestActor): Promise<void> {
    return this.auth.logout(actor);
  }

  @Get('me')
  @Roles(...STAFF_ROLES, Role.APPLICANT)
  @ApiOperation({ summary: '当前登录用户' })
  @ApiOkResponse({ type: PrincipalDto })
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Post('password')
  @HttpCode(204)
  @Roles(...STAFF_ROLES, Role.APPLICANT)
  @ApiOperation({ summary: '修改密码；其他会话随之结束' })
  changePassword(@Body() dto: ChangePasswordDto, @Actor() actor: RequestActor): Promise<void> {
    return this.auth.changePassword(actor, dto.currentPassword, dto.newPassword);
  }
}
