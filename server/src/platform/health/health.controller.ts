import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { HealthDto, ReadinessDto } from '@onewindow/shared';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '../auth/access.decorators.js';
import { DatabaseRuntime } from '../database/database-runtime.js';

const started = Date.now();

@ApiTags('health 健康检查')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DatabaseRuntime) private readonly db: DatabaseRuntime,
  ) {}

  @Get()
  @ApiOperation({ summary: '存活检查（进程在运行）' })
  @ApiOkResponse({ description: '{ status: "ok", uptimeSeconds }' })
  live(): HealthDto {
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - started) / 1000) };
  }

  @Get('ready')
  @ApiOperation({ summary: '就绪检查（数据库可用）' })
  @ApiOkResponse({ description: '{ status: "ready", database }' })
  @ApiServiceUnavailableResponse({ description: '数据库不可用' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessDto> {
    let ok: boolean;
    try {
      await this.dataSource.query('SELECT 1');
      ok = true;
    } catch {
      ok = false;
    }
    if (!ok) void reply.status(503);
    return { status: ok ? 'ready' : 'not_ready', database: { kind: this.db.kind, ok } };
  }
}
