import { Injectable } from '@nestjs/common';
import type { ClockSubjectKind } from '@onewindow/shared';
import type { EntityManager } from 'typeorm';

/** What the owner of a subject says of it: the department whose work it is (null when no department's). */
export interface ClockSubject {
  departmentId: string | null;
}

/** Looks a subject up by id in the caller's transaction; null when there is none. */
export type ClockSubjectResolver = (subjectId: string, m: EntityManager) => Promise<ClockSubject | null>;

/**
 * Who owns each kind of clock subject (a case, a sub-task, a complaint…): the owning module registers a resolver
 * when it starts, so the calendar can check a clock started from outside names a real subject without importing
 * the modules above it. A kind that no module has registered has no subjects yet.
 */
@Injectable()
export class ClockSubjects {
  private readonly resolvers = new Map<ClockSubjectKind, ClockSubjectResolver>();

  register(kinds: readonly ClockSubjectKind[], resolver: ClockSubjectResolver): void {
    for (const kind of kinds) this.resolvers.set(kind, resolver);
  }

  resolve(kind: ClockSubjectKind, subjectId: string, m: EntityManager): Promise<ClockSubject | null> {
    return this.resolvers.get(kind)?.(subjectId, m) ?? Promise.resolve(null);
  }
}
