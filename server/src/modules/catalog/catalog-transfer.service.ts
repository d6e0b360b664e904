import { Injectable } from '@nestjs/common';
import {
  type CatalogFile,
  checkMatterContent,
  ErrorCode,
  type FieldErrors,
  type ImportReportDto,
  type ImportRowReport,
  MATTER_CODE_PATTERN,
  MATTER_TYPE_PREFIX,
  sameValue,
  type MatterContent,
} from '@onewindow/shared';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { DomainException } from '../../platform/errors/domain.exception.js';
import { toValidationException } from '../../platform/errors/validation.js';
import { FeeCatalogService } from './fee-catalog.service.js';
import { bytesMatch, XLSX } from '../../platform/files/file-types.js';
import { DepartmentService, ServiceWindowService } from '../organization/organization.module.js';
import {
  type ParsedWorkbook,
  readCatalogWorkbook,
  type WorkbookLookups,
  writeCatalogWorkbook,
} from './catalog-workbook.js';
import { CatalogErrors } from './catalog.exception.js';
import { MatterContentDto } from './catalog.dto.js';
import { MatterEntity, MatterVersionEntity } from './catalog.entities.js';

/**
 * Bulk exchange of the catalog as JSON or Excel. Import checks every row (structure, publishing rules,
 * departments, codes) before writing anything; a file with any bad row changes nothing. Imported
 * rows become drafts, which a center administrator reviews and publishes.
 */
@Injectable()
export class CatalogTransferService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly fees: FeeCatalogService,
    private readonly departments: DepartmentService,
    private readonly windows: ServiceWindowService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  /** Every matter's published version, as the description of the export says; drafts stay in this center. */
  async export(): Promise<CatalogFile> {
    const rows: { code: string; content: MatterContent }[] = await this.dataSource.query(`
      SELECT m.code, v.content FROM matter m
      JOIN matter_version v ON v.matter_id = m.id AND v.status = 'PUBLISHED'
      ORDER BY m.code`);
    return { format: 'onewindow-catalog', formatVersion: 1, exportedAt: this.clock.now().toISOString(), matters: rows };
  }

  /** The same catalog as an Excel workbook (事项, 申请材料, 协办部门, 特别程序 sheets). */
  async exportWorkbook(): Promise<Buffer> {
    return writeCatalogWorkbook(await this.export(), await this.lookups());
  }

  /** An Excel workbook in the export's layout: cell problems join the same row-by-row report as a JSON import. */
  async importWorkbook(actor: RequestActor, bytes: unknown, dryRun: boolean): Promise<ImportReportDto> {
    if (!Buffer.isBuffer(bytes) || !bytesMatch(XLSX, bytes)) throw CatalogErrors.notAWorkbook();
    let parsed: ParsedWorkbook;
    try {
      parsed = await readCatalogWorkbook(bytes, await this.lookups());
    } catch {
      throw CatalogErrors.notAWorkbook();
    }
    return this.import(actor, parsed.file, dryRun, parsed);
  }

  async import(
    actor: RequestActor,
    file: CatalogFile,
    dryRun: boolean,
    parsed?: Omit<ParsedWorkbook, 'file'>,
  ): Promise<ImportReportDto> {
    const rows = await this.check(file, parsed);
    const fileErrors = parsed?.fileErrors ?? [];
    const ok = fileErrors.length === 0 && rows.every((r) => Object.keys(r.errors).length === 0);
    if (dryRun) return { dryRun, ok, written: 0, rows, fileErrors };
    if (!ok) {
      const bad = rows.filter((r) => Object.keys(r.errors).length).length;
      const what = [bad ? `${bad} 行有误` : '', fileErrors.length ? `${fileErrors.length} 处文件问题` : '']
        .filter(Boolean)
        .join('、');
      throw new DomainException(
        ErrorCode.CATALOG_IMPORT_INVALID,
        400,
        `${what}，未导入任何内容；请先用试导入查看每行的问题`,
        { rows, fileErrors },
      );
    }
    const written = await this.dataSource.transaction(async (m) => {
      let n = 0;
      const now = this.clock.now();
      for (const [i, row] of file.matters.entries()) {
        const report = rows[i];
        if (report.action === 'UNCHANGED') continue;
        let matter = await m.findOneBy(MatterEntity, { code: row.code });
        if (!matter)
          matter = await m.save(
            m.create(MatterEntity, {
              code: row.code,
              basicCode: row.code.slice(0, 7),
              departmentId: row.content.departmentId,
              createdAt: now,
              updatedAt: now,
            }),
          );
        const draft = await m.findOneBy(MatterVersionEntity, { matterId: matter.id, status: 'DRAFT' });
        if (draft) {
          await m.update(MatterVersionEntity, draft.id, { content: row.content, updatedAt: now });
        } else {
          const [{ max }] = await m.query(
            'SELECT coalesce(max(version_no), 0)::int AS max FROM matter_version WHERE matter_id = $1',
            [matter.id],
          );
          await m.insert(MatterVersionEntity, {
            matterId: matter.id,
            versionNo: max + 1,
            status: 'DRAFT',
            content: row.content as never,
            publishedAt: null,
            publishedBy: null,
            endedAt: null,
            createdBy: actor.principal!.id,
            createdAt: now,
            updatedAt: now,
            version: 1,
          });
        }
        n++;
      }
      await this.audit.record(m, actor, {
        action: 'catalog.imported',
        targetType: 'catalog',
        targetId: null,
        summary: { rows: file.matters.length, written: n, codes: file.matters.map((r) => r.code) },
      });
      return n;
    });
    return { dryRun, ok, written, rows, fileErrors };
  }

  private async lookups(): Promise<WorkbookLookups> {
    return { departments: await this.departments.list(), windows: await this.windows.list() };
  }

  /** A report for every row: what importing it would do, and everything wrong with it. */
  private async check(file: CatalogFile, parsed?: Omit<ParsedWorkbook, 'file'>): Promise<ImportRowReport[]> {
    const deptIds = new Set((await this.departments.list()).map((d) => d.id));
    const allFeeCodes = [
      ...new Set(file.matters.flatMap((r) => (Array.isArray(r?.content?.feeItemCodes) ? r.content.feeItemCodes : []))),
    ].filter((c) => typeof c === 'string');
    const fees = await this.fees.facts(this.dataSource.manager, allFeeCodes);
    const codes = file.matters.map((r) => r?.code).filter((c): c is string => typeof c === 'string');
    const existing = new Map<string, MatterContent[]>();
    if (codes.length) {
      const found: { code: string; content: MatterContent }[] = await this.dataSource.query(
        `SELECT m.code, v.content FROM matter m JOIN matter_version v ON v.matter_id = m.id AND v.status IN ('DRAFT', 'PUBLISHED') WHERE m.code = ANY($1)`,
        [codes],
      );
      for (const f of found) existing.set(f.code, [...(existing.get(f.code) ?? []), f.content]);
    }
    const seen = new Set<string>();
    const reports: ImportRowReport[] = [];
    for (const [index, row] of file.matters.entries()) {
      const errors: FieldErrors = structuredClone(parsed?.errors[index] ?? {});
      const add = (path: string, msg: string) => (errors[path] ??= []).push(msg);
      const code = typeof row?.code === 'string' ? row.code : null;
      const cellsRead = Object.keys(errors).length === 0;
      const structural = await validate(plainToInstance(MatterContentDto, row?.content ?? {}), {
        whitelist: true,
        forbidNonWhitelisted: true,
      });
      const structure = structural.length ? (toValidationException(structural).details?.fields as FieldErrors) : {};
      // A cell that could not be read already has its message; its placeholder value is not checked again.
      const unread = new Set(Object.keys(errors).map((p) => p.split('.').slice(0, 2).join('.')));
      for (const [k, v] of Object.entries(structure))
        if (!unread.has(`content.${k.split('.')[0]}`)) for (const msg of v) add(`content.${k}`, msg);
      if (!code || !MATTER_CODE_PATTERN.test(code))
        add('code', '事项编码格式应为 类型两字母 + 5 位主项 + 3 位子项，如 XK00012001');
      else if (
        row.content?.matterType in MATTER_TYPE_PREFIX &&
        !code.startsWith(MATTER_TYPE_PREFIX[row.content.matterType])
      )
        add('code', '事项编码的前两位与事项类型不符');
      else if (seen.has(code)) add('code', '文件中编码重复');
      if (code) seen.add(code);
      if (!structural.length && cellsRead) {
        if (!deptIds.has(row.content.departmentId)) add('content.departmentId', '实施部门不存在');
        for (const [k, v] of Object.entries(checkMatterContent(row.content, fees)))
          for (const msg of v) add(`content.${k}`, msg);
      }
      const same = code ? existing.get(code)?.some((c) => sameValue(c, row.content)) : false;
      const action = Object.keys(errors).length
        ? null
        : !code || !existing.has(code)
          ? 'CREATE'
          : same
            ? 'UNCHANGED'
            : 'DRAFT';
      reports.push({ index, code, action, errors, ...(parsed ? { sheetRow: parsed.sheetRows[index] } : {}) });
    }
    return reports;
  }
}
