import type { Page } from '@onewindow/shared';

/** The page size a list answers with when the caller names none. */
export const DEFAULT_PAGE_SIZE = 20;
/** Exports (the data exchange) page in larger steps by default. */
export const EXPORT_PAGE_SIZE = 200;

/**
 * The one way a list is paged: which page, of what size, applied as bound SQL parameters, to a TypeORM query,
 * or to a list already in memory; and the Page answered. Validation (PageQueryDto) bounds both numbers.
 */
export class Paging {
  private constructor(
    readonly page: number,
    readonly pageSize: number,
  ) {}

  static of(q: { page?: number; pageSize?: number }, defaultSize = DEFAULT_PAGE_SIZE): Paging {
    return new Paging(q.page ?? 1, q.pageSize ?? defaultSize);
  }

  get offset(): number {
    return (this.page - 1) * this.pageSize;
  }

  /** `LIMIT $n OFFSET $m`, its two values pushed onto the query's parameters. */
  sql(params: unknown[]): string {
    return `LIMIT $${params.push(this.pageSize)} OFFSET $${params.push(this.offset)}`;
  }

  /** For TypeORM's find options and query builders. */
  get skipTake(): { skip: number; take: number } {
    return { skip: this.offset, take: this.pageSize };
  }

  /** This page of a list already in memory (the search index). */
  slice<T>(all: readonly T[]): T[] {
    return all.slice(this.offset, this.offset + this.pageSize);
  }

  of<T>(items: T[], total: number): Page<T> {
    return { items, total, page: this.page, pageSize: this.pageSize };
  }
}
