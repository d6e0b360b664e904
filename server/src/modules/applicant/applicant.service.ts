import { Injectable } from '@nestjs/common';
import {
  type ApplicantDto,
  type CaseApplicantInput,
  ApplicantType,
  maskPhone,
  maskResidentId,
  normalizeResidentId,
  type Principal,
  PrincipalKind,
  Role,
} from '@onewindow/shared';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../../platform/audit/audit.service.js';
import { AuthService } from '../../platform/auth/auth.service.js';
import type { RequestActor } from '../../platform/auth/request-actor.js';
import { PlatformClock } from '../../platform/clock/platform-clock.service.js';
import { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import type { RegisterApplicantDto } from './applicant.dto.js';
import { ApplicantEntity } from './applicant.entity.js';
import { ApplicantErrors } from './applicant.exception.js';

@Injectable()
export class ApplicantService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly clock: PlatformClock,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Self-registration on the portal; the phone number becomes the login. */
  async register(actor: RequestActor, dto: RegisterApplicantDto): Promise<ApplicantDto> {
    const legal = dto.applicantType === ApplicantType.LEGAL_PERSON;
    if (legal && (!dto.organizationName || !dto.creditCode)) throw ApplicantErrors.organizationRequired();
    const idNumber = normalizeResidentId(dto.idNumber);
    const idNumberHash = this.cipher.lookupHash(idNumber);
    return this.dataSource.transaction(async (m) => {
      if (await m.existsBy(ApplicantEntity, { phone: dto.phone })) throw ApplicantErrors.phoneTaken();
      if (await m.existsBy(ApplicantEntity, { idNumberHash })) throw ApplicantErrors.idNumberTaken();
      const a = await m.save(
        m.create(ApplicantEntity, {
          applicantType: dto.applicantType,
          name: dto.name.trim(),
          phone: dto.phone,
          idNumberHash,
          idNumberCipher: this.cipher.encrypt(idNumber),
          idNumberMasked: maskResidentId(idNumber),
          organizationName: legal ? dto.organizationName!.trim() : null,
          creditCode: legal ? dto.creditCode!.toUpperCase() : null,
          createdAt: this.clock.now(),
        }),
      );
      await this.auth.createCredential(m, PrincipalKind.APPLICANT, a.id, dto.phone, dto.password);
      const out = toApplicantDto(a);
      const self: Principal = {
        id: a.id,
        kind: PrincipalKind.APPLICANT,
        name: a.name,
        roles: [Role.APPLICANT],
        departmentId: null,
        windowId: null,
      };
      await this.audit.record(
        m,
        { ...actor, principal: self },
        {
          action: 'applicant.registered',
          targetType: 'applicant',
          targetId: a.id,
          summary: { applicantType: a.applicantType, phone: out.phoneMasked, idNumber: out.idNumberMasked },
        },
      );
      return out;
    });
  }

  async me(principal: Principal): Promise<ApplicantDto> {
    const a = await this.dataSource.getRepository(ApplicantEntity).findOneByOrFail({ id: principal.id });
    return toApplicantDto(a);
  }

  /** Who the account says the applicant is, in full: a new online application starts from it (editable). */
  async identityOf(id: string): Promise<CaseApplicantInput> {
    const a = await this.dataSource.getRepository(ApplicantEntity).findOneByOrFail({ id });
    return a.applicantType === ApplicantType.LEGAL_PERSON && a.organizationName && a.creditCode
      ? { kind: 'ORGANIZATION', name: a.organizationName, idNumber: a.creditCode, contactName: a.name, phone: a.phone }
      : {
          kind: 'PERSON',
          name: a.name,
          idNumber: this.cipher.decrypt(a.idNumberCipher),
          contactName: a.name,
          phone: a.phone,
        };
  }

  async resolvePrincipal(id: string, m: EntityManager): Promise<Principal | null> {
    const a = await m.findOneBy(ApplicantEntity, { id });
    if (!a) return null;
    return {
      id: a.id,
      kind: PrincipalKind.APPLICANT,
      name: a.name,
      roles: [Role.APPLICANT],
      departmentId: null,
      windowId: null,
    };
  }
}

function toApplicantDto(a: ApplicantEntity): ApplicantDto {
  return {
    id: a.id,
    applicantType: a.applicantType,
    name: a.name,
    phoneMasked: maskPhone(a.phone),
    idNumberMasked: a.idNumberMasked,
    organizationName: a.organizationName,
    creditCode: a.creditCode,
    createdAt: a.createdAt.toISOString(),
  };
}
