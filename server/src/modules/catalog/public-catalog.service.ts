import { Injectable } from '@nestjs/common';
import {
  type MatterContent,
  type MatterVersionDto,
  type Page,
  type PreparedEntry,
  prepareSearchEntries,
  type PublicDepartmentMattersDto,
  type PublicMatterHitDto,
  type PublicVersionSummaryDto,
  type SearchEntry,
  searchMatters,
} from '@onewindow/shared';
import { pinyin } from 'pinyin-pro';
import { DataSource, type EntityManager, In } from 'typeorm';
import { DepartmentService } from '../organization/organization.module.js';
import { CatalogErrors } from './catalog.exception.js';
import type { PublicSearchDto } from './catalog.dto.js';
import { toVersionDto } from './matter-version.mapper.js';
import { MatterEntity, MatterVersionEntity } from './catalog.entities.js';
import { Paging } from '../../platform/http/paging.js';

interface Indexed {
  version: MatterVersionDto;
  entry: SearchEntry;
}

const REVISION_CHECK_MS = 1000;
/** Distinct searches remembered per catalog revision: citizens' queries repeat heavily. */
const RESULT_CACHE_SIZE = 1000;

/** Published versions' content kept in memory for the cases received under them. */
const FROZEN_CACHE_LIMIT = 5000;

type Hit = { code: string; matchedIn: string | null; highlights: [number, number][] };

/** One letter per character: 食品经营许可 → spjyxk (polyphones resolved in context). */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'spaced' }).join('').toLowerCase();
}

/**
 * What the portal and departments' systems read: published versions only, served from an in-memory
 * index rebuilt when any process publishes or withdraws (the catalog revision changes).
 */
@Injectable()
export class PublicCatalogService {
  private index: {
    revision: number;
    byCode: Map<string, Indexed>;
    entries: PreparedEntry[];
    ordered: SearchEntry[];
  } | null = null;
  /** Full ranked hit lists by normalised query, for the current revision only (insertion order = LRU). */
  private results = new Map<string, Hit[]>();
  private checkedAt = 0;
  private loading: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly departments: DepartmentService,
  ) {}

  /** This process published or withdrew: read the revision again on the next request. */
  invalidate(): void {
    this.checkedAt = 0;
  }

  /** Codes of published matters whose name's pinyin initials contain `letters` (spjy → 食品经营许可). */
  async codesByInitials(letters: string): Promise<string[]> {
    const q = letters.trim().toLowerCase();
    if (!/^[a-z]{2,20}$/.test(q)) return [];
    return (await this.current()).ordered.filter((e) => e.initials.includes(q)).map((e) => e.code);
  }

  /** How many published matters each department leads (the portal browses only departments that have some). */
  async departmentCounts(): Promise<PublicDepartmentMattersDto[]> {
    const counts = new Map<string, number>();
    for (const { version } of (await this.current()).byCode.values())
      counts.set(version.content.departmentId, (counts.get(version.content.departmentId) ?? 0) + 1);
    return [...counts].map(([departmentId, matters]) => ({ departmentId, matters }));
  }

  async search(q: PublicSearchDto): Promise<Page<PublicMatterHitDto>> {
    const idx = await this.current();
    const paging = Paging.of(q);
    let deptId: string | undefined;
    if (q.department) {
      deptId = (await this.departments.list()).find((d) => d.code === q.department!.toUpperCase())?.id;
      if (!deptId) return paging.of([], 0);
    }
    const key = JSON.stringify([
      q.q?.trim().toLowerCase().replace(/\s+/g, ' ') ?? '',
      deptId ?? '',
      q.audience ?? '',
      q.theme ?? '',
    ]);
    let hits = this.results.get(key);
    if (hits) {
      this.results.delete(key);
    } else {
      hits = this.rank(idx, q, deptId);
      if (this.results.size >= RESULT_CACHE_SIZE) this.results.delete(this.results.keys().next().value!);
    }
    this.results.set(key, hits);
    const items = paging.slice(hits).map((h) => {
      const c = idx.byCode.get(h.code)!.version.content;
      return {
        code: h.code,
        name: c.name,
        departmentId: c.departmentId,
        matterType: c.matterType,
        handlingKind: c.handlingKind,
        audience: c.audience,
        promisedLimit: c.promisedLimit,
        onlineAvailable: c.onlineAvailable,
        matchedIn: h.matchedIn,
        highlights: h.highlights,
      };
    });
    return paging.of(items, hits.length);
  }

  private rank(idx: NonNullable<PublicCatalogService['index']>, q: PublicSearchDto, deptId: string | undefined): Hit[] {
    const allowed = (v: MatterVersionDto) =>
      (!deptId || v.content.departmentId === deptId) &&
      (!q.audience || v.content.audience === q.audience || v.content.audience === 'BOTH') &&
      (!q.theme || v.content.themes.includes(q.theme) || v.content.lifeEvents.includes(q.theme));
    if (q.q?.trim()) return searchMatters(idx.entries, q.q).filter((h) => allowed(idx.byCode.get(h.code)!.version));
    return idx.ordered
      .filter((e) => allowed(idx.byCode.get(e.code)!.version))
      .map((e) => ({ code: e.code, matchedIn: null, highlights: [] }));
  }

  /** The published version of a matter by its code. */
  async guide(code: string): Promise<MatterVersionDto> {
    const hit = (await this.current()).byCode.get(code);
    if (!hit) throw CatalogErrors.matterNotFound();
    return hit.version;
  }

  /** Every version that was ever public (published, superseded, withdrawn), newest first, without content. */
  async versionList(code: string): Promise<PublicVersionSummaryDto[]> {
    const matter = await this.dataSource.getRepository(MatterEntity).findOneBy({ code });
    if (!matter) throw CatalogErrors.matterNotFound();
    const vs = await this.dataSource.getRepository(MatterVersionEntity).find({
      where: { matterId: matter.id, status: In(['PUBLISHED', 'SUPERSEDED', 'WITHDRAWN']) },
      order: { versionNo: 'DESC' },
    });
    return vs.map((v) => ({
      code,
      versionNo: v.versionNo,
      status: v.status as PublicVersionSummaryDto['status'],
      name: v.content.name,
      publishedAt: v.publishedAt!.toISOString(),
      endedAt: v.endedAt?.toISOString() ?? null,
    }));
  }

  /** Any published, superseded or withdrawn version: what an older case was accepted under. */
  async version(
    code: string,
    versionNo: number,
    m: EntityManager = this.dataSource.manager,
  ): Promise<MatterVersionDto> {
    const matter = await m.findOneBy(MatterEntity, { code });
    if (!matter) throw CatalogErrors.matterNotFound();
    const v = await m.findOneBy(MatterVersionEntity, { matterId: matter.id, versionNo });
    if (!v || v.status === 'DRAFT') throw CatalogErrors.versionNotFound();
    return toVersionDto(v, code);
  }

  /** What a published version says, which never changes after publishing: read once per version. */
  private readonly frozen = new Map<string, MatterContent>();

  async versionContent(
    code: string,
    versionNo: number,
    m: EntityManager = this.dataSource.manager,
  ): Promise<MatterContent> {
    const key = `${code}@${versionNo}`;
    let content = this.frozen.get(key);
    if (!content) {
      content = (await this.version(code, versionNo, m)).content;
      if (this.frozen.size >= FROZEN_CACHE_LIMIT) this.frozen.delete(this.frozen.keys().next().value!);
      this.frozen.set(key, content);
    }
    return content;
  }

  private async current() {
    const now = Date.now();
    if (!this.index || now - this.checkedAt > REVISION_CHECK_MS) {
      this.loading ??= this.refresh().finally(() => (this.loading = null));
      try {
        await this.loading;
      } catch (e) {
        // The database is away: the guides already read are served as they were until it answers again.
        if (!this.index) throw e;
        this.checkedAt = now;
      }
    }
    return this.index!;
  }

  private async refresh() {
    const [{ revision }] = await this.dataSource.query('SELECT revision FROM catalog_revision WHERE id = 1');
    this.checkedAt = Date.now();
    if (this.index?.revision === Number(revision)) return;
    const rows: (MatterVersionEntity & { code: string })[] = await this.dataSource
      .getRepository(MatterVersionEntity)
      .createQueryBuilder('v')
      .innerJoin(MatterEntity, 'm', 'm.id = v.matter_id')
      .addSelect('m.code', 'code')
      .where(`v.status = 'PUBLISHED'`)
      .orderBy('m.code')
      .getRawAndEntities()
      .then(({ raw, entities }) => entities.map((e, i) => Object.assign(e, { code: raw[i].code as string })));
    const byCode = new Map<string, Indexed>();
    const entries: SearchEntry[] = [];
    for (const v of rows) {
      const c = v.content;
      const entry = {
        code: v.code,
        name: c.name,
        initials: pinyinInitials(c.name),
        keywords: c.keywords,
        themes: [...c.themes, ...c.lifeEvents],
        description: c.description,
      };
      byCode.set(v.code, { version: toVersionDto(v, v.code), entry });
      entries.push(entry);
    }
    this.index = { revision: Number(revision), byCode, entries: prepareSearchEntries(entries), ordered: entries };
    this.results = new Map();
  }
}
