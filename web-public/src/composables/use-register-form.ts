import {
  ApiError,
  ApplicantType,
  checkCreditCode,
  checkResidentId,
  isStrongEnoughPassword,
  MOBILE_PHONE_PATTERN,
  type FieldErrors,
  type RegisterApplicantRequest,
} from '@onewindow/shared';
import { computed, reactive, ref } from 'vue';
import { api } from '../api';
import { i18n } from '../i18n';

export type RegisterForm = Required<RegisterApplicantRequest>;

/** Checks in the browser what the server checks, so mistakes show before submitting. */
export function validateRegistration(f: RegisterForm): FieldErrors {
  const errors: FieldErrors = {};
  const { t } = i18n.global;
  const add = (field: string, key: string) => (errors[field] ??= []).push(t(`register.${key}`));
  if (!f.name.trim()) add('name', 'needName');
  if (!MOBILE_PHONE_PATTERN.test(f.phone)) add('phone', 'badPhone');
  const idProblem = checkResidentId(f.idNumber.trim());
  if (idProblem === 'CHECK_CHAR') add('idNumber', 'badIdCheck');
  else if (idProblem) add('idNumber', 'badId');
  if (!isStrongEnoughPassword(f.password)) add('password', 'weakPassword');
  if (f.applicantType === ApplicantType.LEGAL_PERSON) {
    if (!f.organizationName.trim()) add('organizationName', 'needOrg');
    if (checkCreditCode(f.creditCode.trim())) add('creditCode', 'badCreditCode');
  }
  return errors;
}

export function useRegisterForm(onDone: () => void) {
  const form = reactive<RegisterForm>({
    applicantType: ApplicantType.CITIZEN,
    name: '',
    phone: '',
    idNumber: '',
    password: '',
    organizationName: '',
    creditCode: '',
  });
  const fieldErrors = ref<FieldErrors>({});
  const error = ref('');
  const busy = ref(false);
  const legal = computed(() => form.applicantType === ApplicantType.LEGAL_PERSON);

  async function submit() {
    error.value = '';
    fieldErrors.value = validateRegistration(form);
    if (Object.keys(fieldErrors.value).length) return;
    busy.value = true;
    try {
      const body: RegisterApplicantRequest = {
        applicantType: form.applicantType,
        name: form.name.trim(),
        phone: form.phone,
        idNumber: form.idNumber.trim(),
        password: form.password,
      };
      if (legal.value)
        Object.assign(body, {
          organizationName: form.organizationName.trim(),
          creditCode: form.creditCode.trim().toUpperCase(),
        });
      await api.auth.registerApplicant(body);
      onDone();
    } catch (e) {
      if (e instanceof ApiError) {
        fieldErrors.value = e.fieldErrors;
        error.value = e.message;
      } else error.value = String(e);
    } finally {
      busy.value = false;
    }
  }
  return { form, fieldErrors, error, busy, legal, submit };
}
