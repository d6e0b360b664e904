import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Req,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { type Principal, Role } from '@onewindow/shared';
import { Public, Roles } from '../../platform/auth/access.decorators.js';
import { Actor, CurrentPrincipal, type RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { FileStore } from '../../platform/files/file-store.service.js';
import { XLSX } from '../../platform/files/file-types.js';
import { download } from '../../platform/http/download.js';
import { assertMediaType, Uploaded, type UploadedBody } from '../../platform/files/binary-body.js';
import { RATE_LIMIT_GROUP } from '../../platform/http/rate-limit.js';
import {
  CatalogFileDto,
  CreateMatterDto,
  ImportQueryDto,
  MatterQueryDto,
  PublicSearchDto,
  SaveDraftDto,
  SaveLifeEventDto,
} from './catalog.dto.js';
import { LifeEventService } from './life-event.service.js';
import { CatalogTransferService } from './catalog-transfer.service.js';
import { CatalogService } from './catalog.service.js';
import { MATTER_ATTACHMENT } from './matter-attachment.js';
import { NotificationSheetService } from './notification-sheet.service.js';
import { PublicCatalogService } from './public-catalog.service.js';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('catalog 事项目录（后台）')
@Controller('catalog')
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly transfer: CatalogTransferService,
    private readonly clock: PlatformClock,
  ) {}

  @Get('export')
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '导出事项目录（JSON，每个事项的发布版本）' })
  exportFile() {
    return this.transfer.export();
  }

  @Get('export.xlsx')
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '导出事项目录（Excel：事项、申请材料、协办部门、特别程序四张表）' })
  @ApiProduces(XLSX)
  async exportWorkbook() {
    return download(
      `事项目录-${this.clock.now().toISOString().slice(0, 10)}.xlsx`,
      XLSX,
      await this.transfer.exportWorkbook(),
    );
  }

  @Post('import.xlsx')
  @HttpCode(200)
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({
    summary: '从 Excel 批量导入为草稿（请求体为 .xlsx 文件本身，格式同导出）；dryRun=true 只检查；任一行有误则不写入',
  })
  @ApiConsumes(XLSX)
  importWorkbook(@Req() req: FastifyRequest, @Query() q: ImportQueryDto, @Actor() actor: RequestActor) {
    assertMediaType(req.headers['content-type'], [XLSX], 'Excel（.xlsx）文件');
    return this.transfer.importWorkbook(actor, req.body, q.dryRun === 'true');
  }

  @Post('import')
  @HttpCode(200)
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '批量导入为草稿；dryRun=true 只检查并逐行报告；任一行有误则不写入' })
  importFile(@Body() dto: CatalogFileDto, @Query() q: ImportQueryDto, @Actor() actor: RequestActor) {
    return this.transfer.import(actor, dto, q.dryRun === 'true');
  }

  @Post('attachments')
  @Roles(Role.CENTER_ADMIN, Role.DEPT_LEAD)
  @ApiOperation({
    summary:
      '上传材料的空白表格或示例样表（请求体为文件本身，文件名放在 X-File-Name，URL 编码）；PDF、Word、Excel、JPG、PNG，≤ 5 MB',
  })
  @ApiConsumes(...MATTER_ATTACHMENT.types)
  attach(@Uploaded() upload: UploadedBody, @Actor() actor: RequestActor) {
    return this.catalog.attach(actor, upload);
  }

  @Get('matters')
  @Roles(Role.CENTER_ADMIN, Role.DEPT_LEAD)
  @ApiOperation({ summary: '事项列表（部门负责人只见本部门）' })
  list(@Query() q: MatterQueryDto, @CurrentPrincipal() p: Principal) {
    return this.catalog.list(p, q);
  }

  @Post('matters')
  @Roles(Role.CENTER_ADMIN, Role.DEPT_LEAD)
  @ApiOperation({ summary: '新建事项（第 1 版草稿），编码按“类型+主项+子项”生成' })
  create(@Body() dto: CreateMatterDto, @Actor() actor: RequestActor) {
    return this.catalog.create(actor, dto);
  }

  @Get('matters/:id/versions')
  @Roles(Role.CENTER_ADMIN, Role.DEPT_LEAD)
  @ApiOperation({ summary: '事项的全部版本（新的在前）' })
  versions(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.catalog.versions(p, id);
  }

  @Put('versions/:id')
  @Roles(Role.CENTER_ADMIN, Role.DEPT_LEAD)
  @ApiOperation({ summary: '保存草稿（已发布的版本不可修改：409）' })
  save(@Param('id', uuid) id: string, @Body() dto: SaveDraftDto, @Actor() actor: RequestActor) {
    return this.catalog.saveDraft(actor, id, dto.content);
  }

  @Post('versions/:id/check')
  @HttpCode(200)
  @Roles(Role.CENTER_ADMIN, Role.DEPT_LEAD)
  @ApiOperation({ summary: '发布前检查：逐字段列出问题' })
  check(@Param('id', uuid) id: string, @CurrentPrincipal() p: Principal) {
    return this.catalog.check(p, id);
  }

  @Post('versions/:id/publish')
  @HttpCode(200)
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '发布草稿；原发布版本被取代并保留' })
  publish(@Param('id', uuid) id: string, @Actor() actor: RequestActor) {
    return this.catalog.publish(actor, id);
  }

  @Post('versions/:id/clone')
  @Roles(Role.CENTER_ADMIN, Role.DEPT_LEAD)
  @ApiOperation({ summary: '复制为新草稿' })
  clone(@Param('id', uuid) id: string, @Actor() actor: RequestActor) {
    return this.catalog.cloneToDraft(actor, id);
  }

  @Post('matters/:id/withdraw')
  @HttpCode(200)
  @Roles(Role.CENTER_ADMIN)
  @ApiOperation({ summary: '撤回事项：停止受理新申请' })
  withdraw(@Param('id', uuid) id: string, @Actor() actor: RequestActor) {
    return this.catalog.withdraw(actor, id);
  }
}

@ApiTags('public 事项目录（公开）')
@Controller('public/matters')
@Public()
export class PublicCatalogController {
  constructor(
    private readonly catalog: PublicCatalogService,
    private readonly sheets: NotificationSheetService,
    private readonly files: FileStore,
  ) {}

  @Get()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '搜索和浏览已发布事项：中文、拼音首字母；按部门、对象、主题筛选' })
  search(@Query() q: PublicSearchDto) {
    return this.catalog.search(q);
  }

  @Get('departments')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '各部门牵头的已发布事项数（按部门浏览只列有事项的部门）' })
  departmentCounts() {
    return this.catalog.departmentCounts();
  }

  @Get(':code')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '办事指南：事项的当前发布版本' })
  guide(@Param('code') code: string) {
    return this.catalog.guide(code);
  }

  @Get('attachments/:id')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '下载材料的空白表格或示例样表' })
  async attachment(@Param('id', uuid) id: string) {
    const f = await this.files.read(id, MATTER_ATTACHMENT.purpose);
    return download(f.fileName, f.mediaType, f.content);
  }

  @Get(':code/notification-sheet.pdf')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '一次性告知单（PDF）：条件、材料、时限、收费、窗口、电话' })
  @ApiProduces('application/pdf')
  async notificationSheet(@Param('code') code: string) {
    const { fileName, pdf } = await this.sheets.render(code);
    return download(fileName, 'application/pdf', pdf);
  }

  @Get(':code/versions')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '事项的全部公开版本（新的在前，不含草稿）：何时发布、何时被取代或撤回' })
  versions(@Param('code') code: string) {
    return this.catalog.versionList(code);
  }

  @Get(':code/versions/:no')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '事项的某个历史版本（不含草稿）' })
  version(@Param('code') code: string, @Param('no', ParseIntPipe) no: number) {
    return this.catalog.version(code, no);
  }
}

@ApiTags('catalog 事项目录（后台）')
@Controller('catalog/life-events')
@Roles(Role.CENTER_ADMIN)
export class LifeEventController {
  constructor(private readonly lifeEvents: LifeEventService) {}

  @Get()
  @ApiOperation({ summary: '一件事清单（含草稿和已撤回的）' })
  list() {
    return this.lifeEvents.list();
  }

  @Post()
  @ApiOperation({ summary: '新建一件事（草稿），编码自动编排 YJS0001…' })
  create(@Body() dto: SaveLifeEventDto, @Actor() actor: RequestActor) {
    return this.lifeEvents.create(actor, dto.content);
  }

  @Put(':id')
  @ApiOperation({ summary: '修改一件事；已发布的须仍符合发布规则' })
  save(@Param('id', uuid) id: string, @Body() dto: SaveLifeEventDto, @Actor() actor: RequestActor) {
    return this.lifeEvents.save(actor, id, dto.content);
  }

  @Get(':id/preview')
  @ApiOperation({ summary: '预览：门户将显示的事项和合并后的材料清单，以及尚不能发布的原因' })
  preview(@Param('id', uuid) id: string) {
    return this.lifeEvents.preview(id);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: '发布：至少两个已发布的事项，非即办件，网上申请一致' })
  publish(@Param('id', uuid) id: string, @Actor() actor: RequestActor) {
    return this.lifeEvents.publish(actor, id);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回：门户不再显示，已申请的照常办理' })
  withdraw(@Param('id', uuid) id: string, @Actor() actor: RequestActor) {
    return this.lifeEvents.withdraw(actor, id);
  }
}

@ApiTags('public 事项目录（公开）')
@Controller('public/life-events')
@Public()
export class PublicLifeEventController {
  constructor(private readonly lifeEvents: LifeEventService) {}

  @Get()
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '一件事清单（已发布、所含事项均在用）' })
  list() {
    return this.lifeEvents.published();
  }

  @Get(':code')
  @RouteConfig({ [RATE_LIMIT_GROUP]: 'public' })
  @ApiOperation({ summary: '一件事指南：所含事项和合并后的申请材料（同一材料只交一次）' })
  get(@Param('code') code: string) {
    return this.lifeEvents.guide(code);
  }
}
