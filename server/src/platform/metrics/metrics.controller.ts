import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AuthErrors } from '../auth/auth.exception.js';
import { Public } from '../auth/access.decorators.js';
import { Metrics } from './metrics.js';

@ApiTags('health 健康检查')
@Controller('metrics')
@Public()
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @ApiOperation({ summary: '运行指标（Prometheus 文本格式；设置 METRICS_TOKEN 后须带 Bearer 令牌）' })
  @ApiOkResponse({ description: 'text/plain; version=0.0.4' })
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply) {
    if (!this.metrics.admits(authorization)) throw AuthErrors.tokenInvalid();
    const body = await this.metrics.registry.metrics();
    void reply.header('content-type', this.metrics.registry.contentType).send(body);
  }
}
