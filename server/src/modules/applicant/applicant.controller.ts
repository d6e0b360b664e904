import { Body, Controller, Get, Post } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Principal, Role } from '@onewindow/shared';
import { Public, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, CurrentPrincipal, type RequestActor } from '../../platform/auth/request-actor.js';
import { RATE_LIMIT_GROUP } from '../../platform/http/rate-limit.js';
import { ApplicantResponse, RegisterApplicantDto } from './applicant.dto.js';
import { ApplicantService } from './applicant.service.js';

@ApiTags('applicants 申请人')
@Controller('applicants')
export class ApplicantController {
  constructor(private readonly applicants: ApplicantService) {}

  @Post()
  @Public()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'login' })
  @ApiOperation({ summary: '申请人注册（自然人或法人），手机号为登录名' })
  @ApiCreatedResponse({ type: ApplicantResponse })
  register(@Body() dto: RegisterApplicantDto, @Actor() actor: RequestActor) {
    return this.applicants.register(actor, dto);
  }

  @Get('me')
  @Roles(Role.APPLICANT)
  @ApiOperation({ summary: '我的申请人信息（脱敏）' })
  @ApiOkResponse({ type: ApplicantResponse })
  me(@CurrentPrincipal() p: Principal) {
    return this.applicants.me(p);
  }
}
