import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata.js';

/** Each entity's column list, by the alias it is selected under: `sc."id", sc."state", …` */
const lists = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * Entities read with hand-written SQL on the hot paths (a case locked for an action, one case in full):
 * the column list of an entity and the rows turned into entities, the way TypeORM's query builder does
 * it, without building the query builder's SQL again on every request. Columns come under their own
 * names, so the SQL may select other values beside them under other names.
 */
export const EntityRows = {
  /** Every column of the entity under `alias`, for a SELECT list. */
  columns(m: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string): string {
    const meta = m.connection.getMetadata(target);
    const byAlias = lists.get(meta) ?? new Map<string, string>();
    lists.set(meta, byAlias);
    let list = byAlias.get(alias);
    if (!list) {
      list = meta.columns.map((c) => `${alias}."${c.databaseName}"`).join(', ');
      byAlias.set(alias, list);
    }
    return list;
  },

  /** A row selected with `columns` as the entity, values hydrated as TypeORM would (dates, transformers). */
  entity<E extends ObjectLiteral>(m: EntityManager, target: EntityTarget<E>, row: Record<string, unknown>): E {
    const meta = m.connection.getMetadata(target);
    const driver = m.connection.driver;
    const e = meta.create() as E;
    for (const c of meta.columns) c.setEntityValue(e, driver.prepareHydratedValue(row[c.databaseName], c));
    return e;
  },
};
