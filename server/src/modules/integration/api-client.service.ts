import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type ApiClientDto,
  type ApiClientSecretDto,
  ApiScope,
  type ClientTokenResponse,
  type CreateApiClientRequest,
  type Principal,
  PrincipalKind,
  Role,
} from '@onewindow/shared';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuthService } from '../../platform/auth/auth.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { DepartmentService } from '../organization/organization.module.js';
import { ApiClientEntity, ApiClientSecretEntity } from './integration.entities.js';
import { IntegrationErrors } from './integration.exception.js';

/** What each scope lets a client do, in the roles the domain's rules already know (the same rules as people). */
const SCOPE_ROLES: Partial<Record<ApiScope, Role>> = {
  [ApiScope.STEPS_WRITE]: Role.CLERK,
  [ApiScope.SUBTASKS_WRITE]: Role.CLERK,
  [ApiScope.DECISIONS_WRITE]: Role.APPROVER,
  // The bank confirms payments as the center's fee counter would (统一收费: every department's notices).
  [ApiScope.PAYMENTS_WRITE]: Role.CASHIER,
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * 应用接入: CENTER_ADMIN registers machine clients (owner, scopes, contact), each with a secret shown once and kept as
 * its hash, rotatable with an overlap and revocable at once (its sessions end). A client exchanges its credentials
 * for a short-lived access token (OAuth 2.0 client credentials); its principal is of kind CLIENT, its department its
 * owner's, its roles those its scopes stand for.
 */
@Injectable()
export class ApiClientService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly departments: DepartmentService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
  ) {}

  async list(): Promise<ApiClientDto[]> {
    const m = this.dataSource.manager;
    const clients = await m.find(ApiClientEntity, { order: { createdAt: 'DESC' } });
    const secrets = await this.secretsOf(
      m,
      clients.map((c) => c.id),
    );
    return clients.map((c) => this.toDto(c, secrets.get(c.id) ?? []));
  }

  /** `preset` only for the demo center's documented client (its id and secret are in the README). */
  create(
    actor: RequestActor,
    dto: CreateApiClientRequest,
    preset?: { clientId: string; secret: string },
  ): Promise<ApiClientSecretDto> {
    return this.dataSource.transaction(async (m) => {
      const departmentId = dto.ownerKind === 'DEPARTMENT' ? (dto.departmentId ?? null) : null;
      if (departmentId) await this.departments.require(m, departmentId);
      const now = this.clock.now();
      const c = await m.save(
        m.create(ApiClientEntity, {
          clientId: preset?.clientId ?? `owc_${randomBytes(12).toString('hex')}`,
          name: dto.name.trim(),
          ownerKind: dto.ownerKind,
          departmentId,
          scopes: [...new Set(dto.scopes)],
          contactName: dto.contactName.trim(),
          contactPhone: dto.contactPhone.trim(),
          ratePerMinute: dto.ratePerMinute ?? 600,
          createdBy: actor.principal!.id,
          createdByName: actor.principal!.name,
          revokedAt: null,
          lastUsedAt: null,
          createdAt: now,
          updatedAt: now,
        }),
      );
      await this.auth.createMachineCredential(m, c.id, c.clientId);
      const secret = await this.newSecret(m, c, preset?.secret);
      await this.audit.record(m, actor, {
        action: 'api_client.created',
        targetType: 'api_client',
        targetId: c.id,
        summary: { clientId: c.clientId, name: c.name, ownerKind: c.ownerKind, departmentId, scopes: c.scopes },
      });
      return { client: await this.dtoOf(m, c), clientSecret: secret };
    });
  }

  /** A new secret; the ones in force keep working for `overlapHours` (0: not at all). */
  rotate(actor: RequestActor, id: string, overlapHours: number): Promise<ApiClientSecretDto> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.locked(m, id);
      const until = new Date(this.clock.now().getTime() + overlapHours * 3_600_000);
      for (const s of await m.findBy(ApiClientSecretEntity, { clientId: c.id }))
        if (!s.expiresAt || s.expiresAt > until) await m.update(ApiClientSecretEntity, s.id, { expiresAt: until });
      const secret = await this.newSecret(m, c);
      await this.audit.record(m, actor, {
        action: 'api_client.secret_rotated',
        targetType: 'api_client',
        targetId: c.id,
        summary: { overlapHours },
      });
      return { client: await this.dtoOf(m, c), clientSecret: secret };
    });
  }

  /** Revoked at once: no new tokens, and the tokens it holds stop working. */
  revoke(actor: RequestActor, id: string, reason: string): Promise<ApiClientDto> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.locked(m, id);
      c.revokedAt = this.clock.now();
      c.updatedAt = c.revokedAt;
      await m.save(c);
      await this.auth.endSessions(m, PrincipalKind.CLIENT, c.id, 'CLIENT_REVOKED');
      await this.audit.record(m, actor, {
        action: 'api_client.revoked',
        targetType: 'api_client',
        targetId: c.id,
        summary: { reason: reason.trim() },
      });
      return this.dtoOf(m, c);
    });
  }

  /** OAuth 2.0 client credentials: the secret checked against every one in force, in constant time. */
  async token(actor: RequestActor, clientId: string, secret: string): Promise<ClientTokenResponse> {
    return this.dataSource.transaction(async (m) => {
      const c = await m.findOneBy(ApiClientEntity, { clientId: clientId.trim().toLowerCase() });
      const now = this.clock.now();
      const given = Buffer.from(sha256(secret), 'hex');
      const secrets = c && !c.revokedAt ? await m.findBy(ApiClientSecretEntity, { clientId: c.id }) : [];
      const ok = secrets.some(
        (s) => (!s.expiresAt || s.expiresAt > now) && timingSafeEqual(Buffer.from(s.secretHash, 'hex'), given),
      );
      if (!c || !ok) throw IntegrationErrors.clientInvalid();
      await m.update(ApiClientEntity, c.id, { lastUsedAt: now });
      const principal = this.principalOf(c);
      const { accessToken, expiresIn } = await this.auth.openMachineSession(m, principal, actor);
      return { access_token: accessToken, token_type: 'Bearer', expires_in: expiresIn, scope: c.scopes.join(' ') };
    });
  }

  /** The principal of a client in force (for the session check), null once revoked. */
  async resolvePrincipal(id: string, m: EntityManager): Promise<Principal | null> {
    const c = await m.findOneBy(ApiClientEntity, { id });
    return c && !c.revokedAt ? this.principalOf(c) : null;
  }

  private principalOf(c: ApiClientEntity): Principal {
    return {
      id: c.id,
      kind: PrincipalKind.CLIENT,
      name: c.name,
      roles: [...new Set(c.scopes.flatMap((s) => (SCOPE_ROLES[s] ? [SCOPE_ROLES[s]] : [])))],
      departmentId: c.departmentId,
      windowId: null,
      scopes: c.scopes,
      ratePerMinute: c.ratePerMinute,
    };
  }

  private async newSecret(
    m: EntityManager,
    c: ApiClientEntity,
    secret = `ows_${randomBytes(32).toString('base64url')}`,
  ): Promise<string> {
    await m.insert(ApiClientSecretEntity, {
      clientId: c.id,
      secretHash: sha256(secret),
      prefix: secret.slice(0, 10),
      createdAt: this.clock.now(),
      expiresAt: null,
    });
    return secret;
  }

  private async locked(m: EntityManager, id: string): Promise<ApiClientEntity> {
    const c = await m.findOne(ApiClientEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!c) throw IntegrationErrors.clientNotFound();
    if (c.revokedAt) throw IntegrationErrors.clientRevoked();
    return c;
  }

  private async secretsOf(m: EntityManager, ids: string[]) {
    const rows = ids.length
      ? await m.find(ApiClientSecretEntity, { where: { clientId: In(ids) }, order: { createdAt: 'DESC' } })
      : [];
    const now = this.clock.now();
    const out = new Map<string, ApiClientSecretEntity[]>();
    for (const s of rows)
      if (!s.expiresAt || s.expiresAt > now) out.set(s.clientId, [...(out.get(s.clientId) ?? []), s]);
    return out;
  }

  private async dtoOf(m: EntityManager, c: ApiClientEntity): Promise<ApiClientDto> {
    return this.toDto(c, (await this.secretsOf(m, [c.id])).get(c.id) ?? []);
  }

  private toDto(c: ApiClientEntity, secrets: ApiClientSecretEntity[]): ApiClientDto {
    return {
      id: c.id,
      clientId: c.clientId,
      name: c.name,
      ownerKind: c.ownerKind,
      departmentId: c.departmentId,
      scopes: c.scopes,
      contactName: c.contactName,
      contactPhone: c.contactPhone,
      ratePerMinute: c.ratePerMinute,
      createdAt: c.createdAt.toISOString(),
      createdByName: c.createdByName,
      revokedAt: c.revokedAt?.toISOString() ?? null,
      secrets: secrets.map((s) => ({
        prefix: s.prefix,
        createdAt: s.createdAt.toISOString(),
        expiresAt: s.expiresAt?.toISOString() ?? null,
      })),
      lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
    };
  }
}
