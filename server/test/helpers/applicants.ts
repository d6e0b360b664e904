import { type CaseApplicantInput, residentIdCheckChar } from '@onewindow/shared';

/** A resident ID number with its right check character, from its first 17 digits. */
export const residentId = (first17: string) => first17 + residentIdCheckChar(first17);

/** A person applying, with a valid ID number and phone: what a walk-in or a draft needs. */
export const personApplicant = (name: string): CaseApplicantInput => ({
  kind: 'PERSON',
  name,
  idNumber: residentId('33010219900307151'),
  contactName: name,
  phone: '13912345678',
});
