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

export type RegisterForm = Required<RegisterApplicantRequest>;

/** Checks in the browser what the server checks, so mistakes show before submitting. */
export function validateRegistration(f: RegisterForm): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, msg: string) => (errors[field] ??= []).push(msg);
  if (!f.name.trim()) add('name', '请填写姓名');
  if (!MOBILE_PHONE_PATTERN.test(f.phone)) add('phone', '必须是 11 位手机号');
  const idProblem = checkResidentId(f.idNumber.trim());
  if (idProblem === 'CHECK_CHAR') add('idNumber', '身份证号校验位不正确');
  else if (idProblem) add('idNumber', '身份证号格式不正确');
  if (!isStrongEnoughPassword(f.password)) add('password', '至少 8 位，且须同时包含字母和数字');
  if (f.applicantType === ApplicantType.LEGAL_PERSON) {
    if (!f.organizationName.trim()) add('organizationName', '法人注册必填');
    if (checkCreditCode(f.creditCode.trim())) add('creditCode', '统一社会信用代码不正确');
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
