import { Injectable } from '@nestjs/common';
import { type FeeItemDto, type FeeItemFacts, FeeStandardKind } from '@onewindow/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { diffFields } from '../../platform/audit/audit-diff.js';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { FeeItemEntity } from './fee-item.entity.js';
import { FeeErrors } from './fee-catalog.exception.js';
import type { CreateFeeItemDto, UpdateFeeItemDto } from './fee-catalog.dto.js';

/** The fee catalog: what may be charged, on which legal basis, at which standard (fees collects by it). */
@Injectable()
export class FeeCatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  async list(): Promise<FeeItemDto[]> {
    return (await this.dataSource.getRepository(FeeItemEntity).find({ order: { code: 'ASC' } })).map(toFeeItemDto);
  }

  /** For the catalog's publish check, inside its transaction. */
  async facts(m: EntityManager, codes: string[]): Promise<FeeItemFacts[]> {
    if (!codes.length) return [];
    const rows = await m.find(FeeItemEntity, { where: { code: In(codes) } });
    return rows.map((r) => ({ code: r.code, legalBasis: r.legalBasis, active: r.active }));
  }

  /** The items of `codes`, in their order (inside a transaction, read with its manager). */
  async items(codes: string[], m: EntityManager = this.dataSource.manager): Promise<FeeItemDto[]> {
    if (!codes.length) return [];
    const rows = await m.find(FeeItemEntity, { where: { code: In(codes) } });
    return codes.flatMap((c) => rows.filter((r) => r.code === c)).map(toFeeItemDto);
  }

  async create(actor: RequestActor, dto: CreateFeeItemDto): Promise<FeeItemDto> {
    if (dto.standardKind === FeeStandardKind.RANGE && (dto.maxFen ?? 0) < (dto.minFen ?? 0))
      throw FeeErrors.rangeInverted();
    return this.dataSource.transaction(async (m) => {
      if (await m.existsBy(FeeItemEntity, { code: dto.code })) throw FeeErrors.codeTaken(dto.code);
      const now = this.clock.now();
      const kind = dto.standardKind;
      const f = await m.save(
        m.create(FeeItemEntity, {
          code: dto.code,
          name: dto.name.trim(),
          legalBasis: dto.legalBasis.trim(),
          approvingDocument: dto.approvingDocument.trim(),
          standardKind: kind,
          amountFen: kind === FeeStandardKind.FIXED ? dto.amountFen : null,
          unitPriceFen: kind === FeeStandardKind.UNIT_PRICE ? dto.unitPriceFen : null,
          unitName: kind === FeeStandardKind.UNIT_PRICE ? dto.unitName : null,
          minFen: kind === FeeStandardKind.RANGE ? dto.minFen : null,
          maxFen: kind === FeeStandardKind.RANGE ? dto.maxFen : null,
          active: true,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const out = toFeeItemDto(f);
      await this.audit.record(m, actor, {
        action: 'fees.item_created',
        targetType: 'fee_item',
        targetId: f.code,
        summary: { after: out },
      });
      return out;
    });
  }

  async update(actor: RequestActor, code: string, dto: UpdateFeeItemDto): Promise<FeeItemDto> {
    return this.dataSource.transaction(async (m) => {
      const f = await m.findOne(FeeItemEntity, { where: { code }, lock: { mode: 'pessimistic_write' } });
      if (!f) throw FeeErrors.notFound(code);
      const changes = diffFields(f, dto, ['name', 'legalBasis', 'approvingDocument', 'active']);
      Object.assign(f, dto, { updatedAt: this.clock.now() });
      await m.save(f);
      await this.audit.record(m, actor, {
        action: 'fees.item_updated',
        targetType: 'fee_item',
        targetId: code,
        summary: { changes },
      });
      return toFeeItemDto(f);
    });
  }
}

export function toFeeItemDto(f: FeeItemEntity): FeeItemDto {
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    code: f.code,
    name: f.name,
    legalBasis: f.legalBasis,
    approvingDocument: f.approvingDocument,
    standardKind: f.standardKind,
    amountFen: n(f.amountFen),
    unitPriceFen: n(f.unitPriceFen),
    unitName: f.unitName,
    minFen: n(f.minFen),
    maxFen: n(f.maxFen),
    active: f.active,
  };
}
