import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata.js';

interface Shape {
  columns: ColumnMetadata[];
  /** `alias` → its column list, e.g. `sc."id", sc."state", …` */
  lists: Map<string, string>;
}

const shapes = new WeakMap<EntityMetadata, Shape>();

function shapeOf(meta: EntityMetadata): Shape {
  let s = shapes.get(meta);
  if (!s) {
    s = { columns: meta.columns, lists: new Map() };
    shapes.set(meta, s);
  }
  return s;
}

/**
 * Entities read with hand-written SQL on the hot paths (a case locked for an action, one case in full):
 * the column list of an entity and the rows turned into entities, the way TypeORM's query builder does
 * it, without building the query builder's SQL again on every request. Columns come under their own
 * names, so the SQL may select other values beside them under other names.
 */
export const EntityRows = {
  /** Every column of the entity under `alias`, for a SELECT list. */
  columns(m: EntityManager, target: EntityTarget<ObjectLiteral>, alias: string): string {
    const s = shapeOf(m.connection.getMetadata(target));
    let list = s.lists.get(alias);
    if (!list) {
      list = s.columns.map((c) => `${alias}."${c.databaseName}"`).join(', ');
      s.lists.set(alias, list);
    }
    return list;
  },

  /** A row selected with `columns` as the entity, values hydrated as TypeORM would (dates, transformers). */
  entity<E extends ObjectLiteral>(m: EntityManager, target: EntityTarget<E>, row: Record<string, unknown>): E {
    const meta = m.connection.getMetadata(target);
    const driver = m.connection.driver;
    const e = meta.create() as E;
    for (const c of shapeOf(meta).columns) c.setEntityValue(e, driver.prepareHydratedValue(row[c.databaseName], c));
    return e;
  },
};
