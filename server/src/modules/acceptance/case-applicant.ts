import { type CaseDto, maskIdNumber, maskPhone } from '@onewindow/shared';
import type { PersonalDataCipher } from '../../platform/crypto/personal-data-cipher.js';
import type { CaseEntity } from './case.entities.js';

/**
 * The applicant as a reader may see them. The ID is masked for everyone (staff check the last digits against the
 * person at the window), the phone in full for staff who call back. The one exception is the applicant's own
 * draft: they are still writing it, so its ID and phone come back in full and a reloaded form keeps them.
 */
export function applicantView(c: CaseEntity, cipher: PersonalDataCipher, staffView: boolean): CaseDto['applicant'] {
  const idNumber = c.applicantIdNumber ? cipher.decrypt(c.applicantIdNumber) : '';
  const phone = c.contactPhone ? cipher.decrypt(c.contactPhone) : '';
  const ownDraft = !staffView && c.state === 'DRAFT';
  return {
    kind: c.applicantKind,
    name: c.applicantName,
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : '',
    ...(ownDraft ? { idNumber } : {}),
    contactName: c.contactName,
    phone: phone ? (staffView || ownDraft ? phone : maskPhone(phone)) : '',
    address: c.applicantAddress,
  };
}
