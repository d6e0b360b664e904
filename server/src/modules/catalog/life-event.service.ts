import { Injectable } from '@nestjs/common';
import {
  checkLifeEvent,
  describeLifeEvent,
  type LifeEventContent,
  type LifeEventDto,
  LIFE_EVENT_CODE_PATTERN,
  type MatterVersionDto,
  type PublicLifeEventDto,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { LifeEventEntity } from './catalog.entities.js';
import { CatalogErrors } from './catalog.exception.js';
import { PublicCatalogService } from './public-catalog.service.js';

/** A life event with its matters' versions in force: what an application for it is made under. */
export interface LifeEventInForce {
  code: string;
  content: LifeEventContent;
  versions: MatterVersionDto[];
  guide: PublicLifeEventDto;
}

/**
 * 一件事 (life events): CENTER_ADMIN creates, edits, publishes and withdraws them, each change audited; the portal
 * lists the published ones whose matters are all in force, with the combined form; acceptance takes `inForce` to
 * open one draft per matter.
 */
@Injectable()
export class LifeEventService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly guides: PublicCatalogService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  async list(): Promise<LifeEventDto[]> {
    const rows = await this.dataSource.getRepository(LifeEventEntity).find({ order: { code: 'ASC' } });
    return rows.map(toDto);
  }

  create(actor: RequestActor, content: LifeEventContent): Promise<LifeEventDto> {
    return this.dataSource.transaction(async (m) => {
      // Codes in order: the table is locked against a concurrent creation for the moment of numbering.
      await m.query('LOCK TABLE life_event IN SHARE ROW EXCLUSIVE MODE');
      const [{ n }] = await m.query(`SELECT coalesce(max(substr(code, 4)::int), 0) + 1 AS n FROM life_event`);
      const now = this.clock.now();
      const e = await m.save(
        m.create(LifeEventEntity, {
          code: `YJS${String(n).padStart(4, '0')}`,
          status: 'DRAFT',
          content: tidy(content),
          publishedAt: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.record(m, actor, 'created', e);
      return toDto(e);
    });
  }

  /**
   * Edits the content; a published life event stays publishable or the edit is refused. The rules read the catalog
   * in force, which is read before the transaction (an embedded database has one connection).
   */
  async save(actor: RequestActor, id: string, content: LifeEventContent): Promise<LifeEventDto> {
    const tidied = tidy(content);
    const problems = await this.problems(tidied);
    return this.change(actor, id, 'saved', async (_m, e) => {
      e.content = tidied;
      if (e.status === 'PUBLISHED' && Object.keys(problems).length)
        throw CatalogErrors.lifeEventNotPublishable(problems);
    });
  }

  async publish(actor: RequestActor, id: string): Promise<LifeEventDto> {
    const seen = await this.dataSource.getRepository(LifeEventEntity).findOneBy({ id });
    if (!seen) throw CatalogErrors.lifeEventNotFound();
    const problems = await this.problems(seen.content);
    return this.change(actor, id, 'published', async (_m, e) => {
      if (e.status === 'PUBLISHED') throw CatalogErrors.lifeEventState('该一件事已发布');
      // Checked as it was read: an edit in between is published only after its own check.
      if (e.version !== seen.version) throw CatalogErrors.lifeEventState('该一件事刚被修改，请重新发布');
      if (Object.keys(problems).length) throw CatalogErrors.lifeEventNotPublishable(problems);
      e.status = 'PUBLISHED';
      e.publishedAt = this.clock.now();
    });
  }

  withdraw(actor: RequestActor, id: string): Promise<LifeEventDto> {
    return this.change(actor, id, 'withdrawn', async (_m, e) => {
      if (e.status !== 'PUBLISHED') throw CatalogErrors.lifeEventState('只有已发布的一件事可以撤回');
      e.status = 'WITHDRAWN';
    });
  }

  /** What the portal would show of it now (drafts included), with what still stops it from being published. */
  async preview(id: string) {
    const e = await this.dataSource.getRepository(LifeEventEntity).findOneBy({ id });
    if (!e) throw CatalogErrors.lifeEventNotFound();
    const inForce = await this.matters(e.content);
    const present = e.content.matterCodes.flatMap((c) => inForce.get(c) ?? []);
    return { guide: describeLifeEvent(e.code, e.content, present), fields: problemsOf(e.content, inForce) };
  }

  /** Published life events whose matters are all in force. */
  async published(): Promise<PublicLifeEventDto[]> {
    const rows = await this.dataSource
      .getRepository(LifeEventEntity)
      .find({ where: { status: 'PUBLISHED' }, order: { code: 'ASC' } });
    const out: PublicLifeEventDto[] = [];
    for (const e of rows) {
      const f = await this.inForceOf(e);
      if (f) out.push(f.guide);
    }
    return out;
  }

  async guide(code: string): Promise<PublicLifeEventDto> {
    return (await this.inForce(code)).guide;
  }

  /**
   * A published life event with every matter's version in force; 404 when it is not open for applications. It reads
   * the catalog index: call it before a transaction, never inside one.
   */
  async inForce(code: string): Promise<LifeEventInForce> {
    const m = this.dataSource.manager;
    const wanted = code.trim().toUpperCase();
    if (!LIFE_EVENT_CODE_PATTERN.test(wanted)) throw CatalogErrors.lifeEventNotFound();
    const e = await m.findOneBy(LifeEventEntity, { code: wanted, status: 'PUBLISHED' });
    const f = e ? await this.inForceOf(e) : null;
    if (!f) throw CatalogErrors.lifeEventNotFound();
    return f;
  }

  private async inForceOf(e: LifeEventEntity): Promise<LifeEventInForce | null> {
    const inForce = await this.matters(e.content);
    const versions = e.content.matterCodes.map((c) => inForce.get(c));
    if (versions.some((v) => !v)) return null;
    const vs = versions as MatterVersionDto[];
    return {
      code: e.code,
      content: e.content,
      versions: vs,
      guide: describeLifeEvent(e.code, e.content, vs),
    };
  }

  private async matters(c: LifeEventContent): Promise<Map<string, MatterVersionDto | undefined>> {
    const out = new Map<string, MatterVersionDto | undefined>();
    for (const code of c.matterCodes) out.set(code, await this.guides.guide(code).catch(() => undefined));
    return out;
  }

  /** What stops the content from being published, against the catalog in force. */
  private async problems(c: LifeEventContent) {
    return problemsOf(c, await this.matters(c));
  }

  private change(
    actor: RequestActor,
    id: string,
    action: string,
    work: (m: EntityManager, e: LifeEventEntity) => Promise<void>,
  ): Promise<LifeEventDto> {
    return this.dataSource.transaction(async (m) => {
      const e = await m.findOne(LifeEventEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!e) throw CatalogErrors.lifeEventNotFound();
      await work(m, e);
      e.updatedAt = this.clock.now();
      await m.save(e);
      await this.record(m, actor, action, e);
      return toDto(e);
    });
  }

  private record(m: EntityManager, actor: RequestActor, action: string, e: LifeEventEntity) {
    return this.audit.record(m, actor, {
      action: `life_event.${action}`,
      targetType: 'life_event',
      targetId: e.id,
      summary: { code: e.code, status: e.status, name: e.content.name, matterCodes: e.content.matterCodes },
    });
  }
}

function problemsOf(c: LifeEventContent, inForce: Map<string, MatterVersionDto | undefined>) {
  return checkLifeEvent(c, new Map([...inForce].map(([k, v]) => [k, v?.content])));
}

function tidy(c: LifeEventContent): LifeEventContent {
  return {
    name: c.name.trim(),
    description: c.description.trim(),
    audience: c.audience,
    matterCodes: c.matterCodes.map((x) => x.trim().toUpperCase()),
  };
}

function toDto(e: LifeEventEntity): LifeEventDto {
  return {
    id: e.id,
    code: e.code,
    status: e.status,
    content: e.content,
    publishedAt: e.publishedAt?.toISOString() ?? null,
    updatedAt: e.updatedAt.toISOString(),
    version: e.version,
  };
}
