import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@onewindow/shared';
import { Roles } from '../../platform/auth/access.decorators.js';
import { Actor, type RequestActor } from '../../platform/auth/request-actor.js';
import { CaseQueryService } from '../acceptance/acceptance.module.js';
import { DecideCaseDto, ReviewCaseDto } from './approval.dto.js';
import { CaseReviewService } from './case-review.service.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('cases 办件')
@Controller('cases')
export class ApprovalController {
  constructor(
    private readonly reviews: CaseReviewService,
    private readonly query: CaseQueryService,
  ) {}

  @Post(':id/review')
  @HttpCode(200)
  @Roles(Role.CLERK, Role.APPROVER)
  @ApiOperation({ summary: '审查：填写审查意见（本人或其 AB 岗）' })
  async review(@Param('id', uuid) id: string, @Body() dto: ReviewCaseDto, @Actor() actor: RequestActor) {
    await this.reviews.review(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Roles(Role.APPROVER)
  @ApiOperation({ summary: '作出决定：准予或不予许可（不予须写明理由和依据）；送达时限 10 个工作日开始计时' })
  async decide(@Param('id', uuid) id: string, @Body() dto: DecideCaseDto, @Actor() actor: RequestActor) {
    await this.reviews.decide(actor, id, dto);
    return this.query.get(actor.principal!, id);
  }
}
