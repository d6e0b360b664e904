import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import {
  isStrongEnoughPassword,
  type LoginResponse,
  type Principal,
  PrincipalKind,
  type Role,
} from '@onewindow/shared';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { escapeLike } from '../database/escape-like.js';
import { PlatformClock } from '../clock/platform-clock.service.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { AuthErrors } from './auth.exception.js';
import { AuthSessionEntity } from './auth-session.entity.js';
import { AfterCommit } from '../database/after-commit.js';
import { CredentialEntity } from './credential.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { PrincipalRegistry } from './principal-registry.js';
import type { RequestActor } from './request-actor.js';

interface AccessClaims {
  sub: string;
  kind: PrincipalKind;
  name: string;
  roles: Role[];
  dept: string | null;
  win: string | null;
  sid: string;
  iat: number;
  exp: number;
}

export interface CredentialSummary {
  principalId: string;
  login: string;
  locked: boolean;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** How long a session found open is taken as open without asking the database again (other instances' logouts). */
const SESSION_RECHECK_MS = 1000;
/** Sessions (and tokens) remembered at most; past that the memory starts afresh. */
const REMEMBERED_AT_MOST = 10_000;

@Injectable()
export class AuthService {
  /**
   * Sessions this instance found open, by id, with when it looked (wall clock) and when they expire
   * (business clock). Every session a request presents is looked up at most once per SESSION_RECHECK_MS;
   * a session this instance ends is forgotten as the change commits, so here it ends at once, and on the
   * other instances within SESSION_RECHECK_MS.
   */
  private readonly openSessions = new Map<string, { checkedAt: number; expiresAt: number; principal: Principal }>();
  /** Access tokens whose signature checked out, with their claims (see verifiedClaims). */
  private readonly verifiedTokens = new Map<string, AccessClaims>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly clock: PlatformClock,
    private readonly hasher: PasswordHasher,
    private readonly principals: PrincipalRegistry,
    private readonly audit: AuditService,
  ) {}

  /** Failed attempts on logins nobody has, counted like real ones (per instance, bounded). */
  private readonly unknownLogins = new UnknownLoginAttempts(
    () => this.config.auth.lockoutThreshold,
    () => this.config.auth.lockoutMinutes,
  );

  async login(loginName: string, password: string, actor: RequestActor): Promise<LoginResponse> {
    const login = loginName.trim().toLowerCase();
    const cred = await this.dataSource.getRepository(CredentialEntity).findOneBy({ login });
    const now = this.clock.now();
    // The password is checked first whatever the login, so the time of an answer tells nothing either.
    const ok = await this.hasher.verify(cred?.passwordHash ?? null, password);
    if (cred?.lockedUntil && cred.lockedUntil > now) throw AuthErrors.locked(cred.lockedUntil);
    // A machine client has no password: it gets its tokens by client credentials only.
    if (cred?.principalKind === PrincipalKind.CLIENT) throw AuthErrors.badCredentials();
    if (!cred) {
      // A login that does not exist answers exactly as one that does: 401, then 423 at the same threshold.
      const lockedUntil = this.unknownLogins.failure(login, now);
      throw lockedUntil ? AuthErrors.locked(lockedUntil) : AuthErrors.badCredentials();
    }
    if (!ok) {
      const lockedUntil = await this.recordFailure(cred, actor);
      if (lockedUntil) throw AuthErrors.locked(lockedUntil);
      throw AuthErrors.badCredentials();
    }

    return this.dataSource.transaction(async (m) => {
      // A lock set by a concurrent wrong attempt after the first read holds: checked again under the row lock.
      const row = await m.findOne(CredentialEntity, { where: { id: cred.id }, lock: { mode: 'pessimistic_write' } });
      if (row?.lockedUntil && row.lockedUntil > now) throw AuthErrors.locked(row.lockedUntil);
      const principal = await this.principals.resolve(cred.principalKind, cred.principalId, m);
      if (!principal) throw AuthErrors.badCredentials(); // deactivated
      await m.update(CredentialEntity, cred.id, { failedAttempts: 0, lockedUntil: null, lastLoginAt: now });
      const refreshToken = newRefreshToken();
      const session = await m.save(
        m.create(AuthSessionEntity, {
          credentialId: cred.id,
          refreshHash: sha256(refreshToken),
          previousRefreshHash: null,
          createdAt: now,
          expiresAt: new Date(now.getTime() + this.config.auth.refreshTtlSeconds * 1000),
          revokedAt: null,
          revokeReason: null,
          clientIp: actor.clientIp,
        }),
      );
      await this.audit.record(
        m,
        { ...actor, principal },
        {
          action: 'auth.login',
          targetType: 'auth_session',
          targetId: session.id,
          summary: { login },
        },
      );
      return this.issue(principal, session, refreshToken);
    });
  }

  /** Counts a wrong password; locks the credential at the threshold. Committed even though the login fails. */
  private recordFailure(cred: CredentialEntity, actor: RequestActor): Promise<Date | null> {
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOne(CredentialEntity, { where: { id: cred.id }, lock: { mode: 'pessimistic_write' } });
      if (!row) return null;
      const now = this.clock.now();
      // Counted under the row lock; a lock another attempt set meanwhile is kept, never written over.
      if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
      const attempts = row.failedAttempts + 1;
      const lock = attempts >= this.config.auth.lockoutThreshold;
      const lockedUntil = lock ? new Date(now.getTime() + this.config.auth.lockoutMinutes * 60_000) : null;
      await m.update(CredentialEntity, row.id, { failedAttempts: lock ? 0 : attempts, lockedUntil });
      await this.audit.record(m, actor, {
        action: lock ? 'auth.locked' : 'auth.login_failed',
        targetType: 'credential',
        targetId: row.id,
        summary: { login: row.login, attempts, ...(lockedUntil ? { lockedUntil: lockedUntil.toISOString() } : {}) },
      });
      return lockedUntil;
    });
  }

  async refresh(refreshToken: string, actor: RequestActor): Promise<LoginResponse> {
    const hash = sha256(refreshToken);
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (m) => {
      const session = await m.findOne(AuthSessionEntity, {
        where: { refreshHash: hash },
        lock: { mode: 'pessimistic_write' },
      });
      if (!session) {
        const reused = await m.findOne(AuthSessionEntity, {
          where: { previousRefreshHash: hash, revokedAt: IsNull() },
        });
        if (reused) {
          // A rotated-out token came back: someone else holds the session. End it.
          await m.update(AuthSessionEntity, reused.id, { revokedAt: now, revokeReason: 'REFRESH_REUSED' });
          this.forgetSessionsAfterCommit(m);
          await this.audit.record(m, actor, {
            action: 'auth.refresh_reuse_detected',
            targetType: 'auth_session',
            targetId: reused.id,
            summary: {},
          });
        }
        return null;
      }
      if (session.revokedAt || session.expiresAt <= now) return null;
      const cred = await m.findOneByOrFail(CredentialEntity, { id: session.credentialId });
      const principal = await this.principals.resolve(cred.principalKind, cred.principalId, m);
      if (!principal) {
        await m.update(AuthSessionEntity, session.id, { revokedAt: now, revokeReason: 'PRINCIPAL_INACTIVE' });
        this.forgetSessionsAfterCommit(m);
        return null;
      }
      const next = newRefreshToken();
      session.previousRefreshHash = hash;
      session.refreshHash = sha256(next);
      await m.save(session);
      await this.audit.record(
        m,
        { ...actor, principal },
        {
          action: 'auth.refresh',
          targetType: 'auth_session',
          targetId: session.id,
          summary: {},
        },
      );
      return this.issue(principal, session, next);
    });
    if (!outcome) throw AuthErrors.refreshInvalid();
    return outcome;
  }

  async logout(actor: RequestActor): Promise<void> {
    if (!actor.sessionId) throw AuthErrors.required();
    const sessionId = actor.sessionId;
    await this.dataSource.transaction(async (m) => {
      await m.update(
        AuthSessionEntity,
        { id: sessionId, revokedAt: IsNull() },
        { revokedAt: this.clock.now(), revokeReason: 'LOGOUT' },
      );
      this.forgetSessionsAfterCommit(m);
      await this.audit.record(m, actor, {
        action: 'auth.logout',
        targetType: 'auth_session',
        targetId: sessionId,
        summary: {},
      });
    });
  }

  async changePassword(actor: RequestActor, currentPassword: string, newPassword: string): Promise<void> {
    const principal = actor.principal;
    if (!principal) throw AuthErrors.required();
    const cred = await this.dataSource
      .getRepository(CredentialEntity)
      .findOneByOrFail({ principalKind: principal.kind, principalId: principal.id });
    if (!(await this.hasher.verify(cred.passwordHash, currentPassword))) throw AuthErrors.wrongPassword();
    if (!isStrongEnoughPassword(newPassword) || newPassword === currentPassword) throw AuthErrors.weakPassword();
    const hash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (m) => {
      await m.update(CredentialEntity, cred.id, { passwordHash: hash, passwordChangedAt: this.clock.now() });
      // Every other session ends; this one stays so the user is not thrown out.
      await m
        .createQueryBuilder()
        .update(AuthSessionEntity)
        .set({ revokedAt: this.clock.now(), revokeReason: 'PASSWORD_CHANGED' })
        .where('credential_id = :id AND revoked_at IS NULL AND id <> :sid', { id: cred.id, sid: actor.sessionId })
        .execute();
      this.forgetSessionsAfterCommit(m);
      await this.audit.record(m, actor, {
        action: 'auth.password_changed',
        targetType: 'credential',
        targetId: cred.id,
        summary: {},
      });
    });
  }

  /**
   * Verifies an access token and that its session is still open. Who the caller is (roles, department, window)
   * comes from the session's credential, never from the token's claims: a token is only a key to a session, so
   * a forged or stale claim changes nothing.
   */
  async authenticate(token: string): Promise<{ principal: Principal; sessionId: string }> {
    const claims = await this.verifiedClaims(token);
    const principal = await this.openSessionPrincipal(claims.sid);
    if (principal.id !== claims.sub || principal.kind !== claims.kind) throw AuthErrors.tokenInvalid();
    return { principal, sessionId: claims.sid };
  }

  /**
   * The token's claims once its signature and expiry check out. A token's signature is checked once (a
   * client presents the same token on every request for its 15 minutes); its expiry on every use.
   */
  private async verifiedClaims(token: string): Promise<AccessClaims> {
    const nowS = Math.floor(this.clock.now().getTime() / 1000);
    const known = this.verifiedTokens.get(token);
    if (known && known.exp > nowS) return known;
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'], clockTimestamp: nowS });
    } catch (e) {
      this.verifiedTokens.delete(token);
      if ((e as Error).name === 'TokenExpiredError') throw AuthErrors.tokenExpired();
      throw AuthErrors.tokenInvalid();
    }
    if (this.verifiedTokens.size >= REMEMBERED_AT_MOST) this.verifiedTokens.clear();
    this.verifiedTokens.set(token, claims);
    return claims;
  }

  /** The principal of an open session, looked up at most once per SESSION_RECHECK_MS. */
  private async openSessionPrincipal(id: string): Promise<Principal> {
    const now = this.clock.now().getTime();
    const known = this.openSessions.get(id);
    if (known && performance.now() - known.checkedAt < SESSION_RECHECK_MS && known.expiresAt > now)
      return known.principal;
    const checkedAt = performance.now();
    const [row] = await this.dataSource.query<
      { open: boolean; expires_at: Date; principal_kind: PrincipalKind; principal_id: string }[]
    >(
      `SELECT s.revoked_at IS NULL AS open, s.expires_at, c.principal_kind, c.principal_id
       FROM auth_session s JOIN credential c ON c.id = s.credential_id WHERE s.id = $1`,
      [id],
    );
    const principal =
      row?.open && row.expires_at.getTime() > now
        ? await this.principals.resolve(row.principal_kind, row.principal_id, this.dataSource.manager)
        : null;
    if (!principal) {
      this.openSessions.delete(id);
      throw AuthErrors.sessionEnded();
    }
    if (this.openSessions.size >= REMEMBERED_AT_MOST) this.openSessions.clear();
    this.openSessions.set(id, { checkedAt, expiresAt: row.expires_at.getTime(), principal });
    return principal;
  }

  /** Sessions ended in `m`'s transaction: forget every session known open once it commits. */
  private forgetSessionsAfterCommit(m: EntityManager): void {
    AfterCommit.add(m.queryRunner, () => this.openSessions.clear());
  }

  // --- used by the modules that own people (staff, applicants) ---

  async createCredential(
    m: EntityManager,
    kind: PrincipalKind,
    principalId: string,
    login: string,
    password: string,
  ): Promise<CredentialEntity> {
    if (!isStrongEnoughPassword(password)) throw AuthErrors.weakPassword();
    const normalized = login.trim().toLowerCase();
    if (await m.existsBy(CredentialEntity, { login: normalized })) throw AuthErrors.loginTaken();
    const now = this.clock.now();
    return m.save(
      m.create(CredentialEntity, {
        principalKind: kind,
        principalId,
        login: normalized,
        passwordHash: await this.hasher.hash(password),
        failedAttempts: 0,
        lockedUntil: null,
        passwordChangedAt: now,
        lastLoginAt: null,
        createdAt: now,
      }),
    );
  }

  /** A machine client's credential: its login is the client_id; it has no password (secrets are the client's). */
  async createMachineCredential(m: EntityManager, principalId: string, login: string): Promise<CredentialEntity> {
    const now = this.clock.now();
    return m.save(
      m.create(CredentialEntity, {
        principalKind: PrincipalKind.CLIENT,
        principalId,
        login: login.toLowerCase(),
        passwordHash: '!',
        failedAttempts: 0,
        lockedUntil: null,
        passwordChangedAt: now,
        lastLoginAt: null,
        createdAt: now,
      }),
    );
  }

  /**
   * A session for a machine client whose secret the caller checked: one access token, no refresh (the client asks
   * again with its credentials). Revoking the client ends its sessions (`endSessions`).
   */
  async openMachineSession(
    m: EntityManager,
    principal: Principal,
    actor: RequestActor,
  ): Promise<{ accessToken: string; expiresIn: number }> {
    const cred = await m.findOneByOrFail(CredentialEntity, {
      principalKind: PrincipalKind.CLIENT,
      principalId: principal.id,
    });
    const now = this.clock.now();
    const ttl = this.config.auth.accessTtlSeconds;
    const session = await m.save(
      m.create(AuthSessionEntity, {
        credentialId: cred.id,
        refreshHash: sha256(newRefreshToken()),
        previousRefreshHash: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + ttl * 1000),
        revokedAt: null,
        revokeReason: null,
        clientIp: actor.clientIp,
      }),
    );
    await m.update(CredentialEntity, cred.id, { lastLoginAt: now });
    await this.audit.record(
      m,
      { ...actor, principal },
      { action: 'auth.client_token', targetType: 'auth_session', targetId: session.id, summary: { login: cred.login } },
    );
    const { accessToken } = await this.issue(principal, session, '');
    return { accessToken, expiresIn: ttl };
  }

  /** Administrator reset: new password, lock lifted, every session ended. */
  async resetPassword(m: EntityManager, kind: PrincipalKind, principalId: string, password: string): Promise<void> {
    if (!isStrongEnoughPassword(password)) throw AuthErrors.weakPassword();
    const cred = await m.findOneByOrFail(CredentialEntity, { principalKind: kind, principalId });
    await m.update(CredentialEntity, cred.id, {
      passwordHash: await this.hasher.hash(password),
      passwordChangedAt: this.clock.now(),
      failedAttempts: 0,
      lockedUntil: null,
    });
    await this.endSessions(m, kind, principalId, 'PASSWORD_RESET');
  }

  async endSessions(m: EntityManager, kind: PrincipalKind, principalId: string, reason: string): Promise<void> {
    await m.query(
      `UPDATE auth_session SET revoked_at = $1, revoke_reason = $2
        WHERE revoked_at IS NULL AND credential_id IN (SELECT id FROM credential WHERE principal_kind = $3 AND principal_id = $4)`,
      [this.clock.now(), reason, kind, principalId],
    );
    this.forgetSessionsAfterCommit(m);
  }

  async credentialSummaries(kind: PrincipalKind, principalIds: string[]): Promise<Map<string, CredentialSummary>> {
    if (!principalIds.length) return new Map();
    const rows = await this.dataSource
      .getRepository(CredentialEntity)
      .find({ where: { principalKind: kind, principalId: In(principalIds) } });
    const now = this.clock.now();
    return new Map(
      rows.map((r) => [
        r.principalId,
        { principalId: r.principalId, login: r.login, locked: !!r.lockedUntil && r.lockedUntil > now },
      ]),
    );
  }

  async principalIdsByLoginPrefix(kind: PrincipalKind, prefix: string): Promise<string[]> {
    const rows: { principal_id: string }[] = await this.dataSource.query(
      `SELECT principal_id FROM credential WHERE principal_kind = $1 AND login LIKE $2 LIMIT 200`,
      [kind, `${escapeLike(prefix.toLowerCase())}%`],
    );
    return rows.map((r) => r.principal_id);
  }

  private async issue(principal: Principal, session: AuthSessionEntity, refreshToken: string): Promise<LoginResponse> {
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const exp = iat + this.config.auth.accessTtlSeconds;
    const claims: AccessClaims = {
      sub: principal.id,
      kind: principal.kind,
      name: principal.name,
      roles: principal.roles,
      dept: principal.departmentId,
      win: principal.windowId,
      sid: session.id,
      iat,
      exp,
    };
    const accessToken = await this.jwt.signAsync(claims, { algorithm: 'HS256' });
    return {
      accessToken,
      accessExpiresAt: new Date(exp * 1000).toISOString(),
      refreshToken,
      refreshExpiresAt: session.expiresAt.toISOString(),
      principal,
    };
  }
}

function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Wrong attempts on logins that do not exist, so that such a login answers 401 four times and then 423 until the
 * lock would end, as a real one does: nobody can tell from the answers which logins exist. In memory, per
 * instance, at most UNKNOWN_LOGINS_KEPT logins (the oldest forgotten first).
 */
const UNKNOWN_LOGINS_KEPT = 10_000;
class UnknownLoginAttempts {
  private readonly byLogin = new Map<string, { attempts: number; lockedUntil: Date | null }>();
  constructor(
    private readonly threshold: () => number,
    private readonly minutes: () => number,
  ) {}

  /** Counts one more failure; the end of the lock when this login is (now) locked, else null. */
  failure(login: string, now: Date): Date | null {
    const seen = this.byLogin.get(login) ?? { attempts: 0, lockedUntil: null };
    this.byLogin.delete(login);
    if (this.byLogin.size >= UNKNOWN_LOGINS_KEPT) this.byLogin.delete(this.byLogin.keys().next().value!);
    if (seen.lockedUntil && seen.lockedUntil > now) {
      this.byLogin.set(login, seen);
      return seen.lockedUntil;
    }
    const attempts = seen.attempts + 1;
    const locked = attempts >= this.threshold();
    const next = {
      attempts: locked ? 0 : attempts,
      lockedUntil: locked ? new Date(now.getTime() + this.minutes() * 60_000) : null,
    };
    this.byLogin.set(login, next);
    return next.lockedUntil;
  }
}
