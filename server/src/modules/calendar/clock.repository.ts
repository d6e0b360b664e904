import { Injectable } from '@nestjs/common';
import { isCenterWide, type Principal } from '@onewindow/shared';
import { DataSource, type EntityManager, IsNull, type QueryRunner } from 'typeorm';
import { AuthErrors } from '../../platform/auth/auth.exception.js';
import { DepartmentScope } from '../../platform/auth/department-scope.js';
import { DeferredWrites } from '../../platform/database/deferred-writes.js';
import { EntityRows } from '../../platform/database/entity-rows.js';
import { CalendarErrors } from './calendar.exception.js';
import { ClockEntity, ClockExtensionEntity, ClockPauseEntity } from './calendar.entities.js';
import { CalendarSql } from './calendar.sql.js';

/** A row as PostgreSQL's `to_jsonb` / `json_agg` renders it: column names, timestamps as text. */
export type JsonRow = Record<string, unknown>;

/** A clock as `CalendarSql.clocksJson` reads it: its row, pauses and extensions. */
export interface ClockJson {
  clock: JsonRow;
  pauses: JsonRow[];
  extensions: JsonRow[];
}

/** A clock with its ledger, as entities. */
export interface ClockRecord {
  clock: ClockEntity;
  pauses: ClockPauseEntity[];
  extensions: ClockExtensionEntity[];
}

/** The calendar revision and policy version in force, as `CalendarSql.CONTEXT` reads them. */
export interface ClockContext {
  revision: number;
  policy: number;
}

/** Versions a transaction read with its first query (`ClockRepository.prime`). */
const contextRead = new WeakMap<QueryRunner, ClockContext>();

/**
 * The one persistence path of the clock aggregate (the clock, its pauses, its extensions): locking, reading
 * (rows to entities through EntityRows, never by hand), and writing (a new or locked clock is written at the
 * commit with the transaction's other deferred writes; pause and extension rows at once).
 */
@Injectable()
export class ClockRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Locks the clock row and checks the actor may touch its department. */
  async lock(m: EntityManager, id: string, principal: Principal | null): Promise<ClockEntity> {
    const [row] = await m.query<JsonRow[]>(
      `SELECT ${EntityRows.columns(m, ClockEntity, 'ck')} FROM clock ck WHERE ck.id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw CalendarErrors.clockNotFound();
    const c = EntityRows.entity(m, ClockEntity, row);
    // Staff act on clocks within their department. An applicant reaches a clock only through their own
    // case (supplying materials resumes its acceptance clock), which the case module has checked.
    if (principal?.kind === 'STAFF') assertScope(principal, c);
    return c;
  }

  /** A clock row the subject's owner already locked with its own row (`to_jsonb`), as the entity. */
  fromRow(m: EntityManager, row: JsonRow): ClockEntity {
    return EntityRows.entity(m, ClockEntity, row);
  }

  /** A clock for reading, with the reader's department scope checked. */
  async find(principal: Principal, id: string): Promise<ClockEntity> {
    const c = await this.dataSource.getRepository(ClockEntity).findOneBy({ id });
    if (!c) throw CalendarErrors.clockNotFound();
    assertScope(principal, c);
    return c;
  }

  /** Clocks by id with their ledgers, and the calendar revision read in the same statement. */
  async records(m: EntityManager, ids: string[]): Promise<{ records: ClockRecord[]; calendarRevision: number }> {
    const [r] = await m.query<{ clocks: ClockJson[]; calendar_revision: number }[]>(
      `SELECT ${CalendarSql.clocksJson('SELECT unnest($1::uuid[])')} AS clocks, ${CalendarSql.REVISION} AS calendar_revision`,
      [ids],
    );
    return { records: this.fromJson(m, r.clocks), calendarRevision: Number(r.calendar_revision) };
  }

  /** What `CalendarSql.clocksJson` read in a subject's own query, as entities. */
  fromJson(m: EntityManager, clocks: ClockJson[]): ClockRecord[] {
    return clocks.map((x) => ({
      clock: EntityRows.entity(m, ClockEntity, x.clock),
      pauses: x.pauses.map((p) => EntityRows.entity(m, ClockPauseEntity, p)),
      extensions: x.extensions.map((e) => EntityRows.entity(m, ClockExtensionEntity, e)),
    }));
  }

  /**
   * The calendar revision and policy version in force, behind one small query, or none when the transaction
   * read them with its first query (`prime`).
   */
  async context(m: EntityManager): Promise<ClockContext> {
    const primed = m.queryRunner ? contextRead.get(m.queryRunner) : undefined;
    if (primed) return primed;
    const [r] = await m.query<{ context: ClockContext }[]>(`SELECT ${CalendarSql.CONTEXT} AS context`);
    return r.context;
  }

  /** The versions `CalendarSql.CONTEXT` read in `m`'s transaction, for the clocks it starts. */
  prime(m: EntityManager, context: ClockContext): void {
    if (m.queryRunner?.isTransactionActive) contextRead.set(m.queryRunner, context);
  }

  /** A new clock, written at the commit (nothing reads it back in the transaction that starts it). */
  insert(m: EntityManager, c: ClockEntity): ClockEntity {
    DeferredWrites.insert(m, ClockEntity, [c]);
    return c;
  }

  /** A locked clock, written back whole at the commit. */
  write(m: EntityManager, c: ClockEntity): ClockEntity {
    DeferredWrites.update(m, ClockEntity, c);
    return c;
  }

  openPause(m: EntityManager, clockId: string): Promise<ClockPauseEntity> {
    return m.findOneByOrFail(ClockPauseEntity, { clockId, endedAt: IsNull() });
  }

  async addPause(m: EntityManager, pause: Omit<ClockPauseEntity, 'id'>): Promise<void> {
    await m.insert(ClockPauseEntity, pause);
  }

  async changePause(m: EntityManager, id: string, change: Partial<ClockPauseEntity>): Promise<void> {
    await m.update(ClockPauseEntity, id, change);
  }

  /** A clock stopped while paused: its open pause ends with it. */
  async endOpenPause(m: EntityManager, clockId: string, at: Date): Promise<void> {
    await m.update(ClockPauseEntity, { clockId, endedAt: IsNull() }, { endedAt: at });
  }

  async addExtension(m: EntityManager, extension: Omit<ClockExtensionEntity, 'id'>): Promise<void> {
    await m.insert(ClockExtensionEntity, extension);
  }
}

function assertScope(p: Principal, c: ClockEntity) {
  if (c.departmentId) DepartmentScope.assert(p, c.departmentId);
  else if (!isCenterWide(p.roles)) throw AuthErrors.departmentScope();
}
