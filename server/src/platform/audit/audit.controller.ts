import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role } from '@onewindow/shared';
import { Roles } from '../auth/access.decorators.js';
import { AuditPageResponse, AuditQueryDto, AuditVerifyResponse } from './audit.dto.js';
import { AuditService } from './audit.service.js';

@ApiTags('audit 审计')
@Controller('audit')
@Roles(Role.SUPERVISOR, Role.CENTER_ADMIN)
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: '审计日志（新的在前）' })
  @ApiOkResponse({ type: AuditPageResponse })
  list(@Query() q: AuditQueryDto) {
    return this.audit.list(q);
  }

  @Get('verify')
  @ApiOperation({ summary: '校验审计哈希链，报告第一个断裂处' })
  @ApiOkResponse({ type: AuditVerifyResponse })
  verify() {
    return this.audit.verify();
  }
}
