import { Injectable } from '@nestjs/common';
import type { Principal, PrincipalKind } from '@onewindow/shared';
import type { EntityManager } from 'typeorm';

/** Looks up who a credential belongs to: registered by the module that owns that kind of person. */
export type PrincipalResolver = (principalId: string, manager: EntityManager) => Promise<Principal | null>;

@Injectable()
export class PrincipalRegistry {
  private readonly resolvers = new Map<PrincipalKind, PrincipalResolver>();

  register(kind: PrincipalKind, resolver: PrincipalResolver): void {
    this.resolvers.set(kind, resolver);
  }

  async resolve(kind: PrincipalKind, principalId: string, manager: EntityManager): Promise<Principal | null> {
    const resolver = this.resolvers.get(kind);
    if (!resolver) throw new Error(`no principal resolver registered for ${kind}`);
    return resolver(principalId, manager);
  }
}
