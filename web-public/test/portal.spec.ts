import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import FormField from '../src/components/FormField.vue';
import { validateRegistration, type RegisterForm } from '../src/composables/use-register-form';
import { authRedirect, routes } from '../src/router';

const good: RegisterForm = {
  applicantType: 'CITIZEN',
  name: '林市民',
  phone: '13912340001',
  idNumber: '11010519491231002X',
  password: 'Citizen2026',
  organizationName: '',
  creditCode: '',
};

describe('registration form checks', () => {
  it('passes a good citizen form', () => {
    expect(validateRegistration(good)).toEqual({});
  });

  it('names each bad field the way the server does', () => {
    const errors = validateRegistration({ ...good, phone: '123', idNumber: '110105194912310021', password: 'short' });
    expect(errors).toEqual({
      phone: ['必须是 11 位手机号'],
      idNumber: ['身份证号校验位不正确'],
      password: ['至少 8 位，且须同时包含字母和数字'],
    });
  });

  it('a legal person needs the organisation and a valid credit code', () => {
    const errors = validateRegistration({ ...good, applicantType: 'LEGAL_PERSON', creditCode: '91350100M000100Y44' });
    expect(Object.keys(errors).sort()).toEqual(['creditCode', 'organizationName']);
    expect(
      validateRegistration({
        ...good,
        applicantType: 'LEGAL_PERSON',
        organizationName: '示范公司',
        creditCode: '91350100M000100Y43',
      }),
    ).toEqual({});
  });
});

describe('form field', () => {
  it('marks the input invalid and announces the message through aria-describedby', () => {
    const w = mount(FormField, {
      props: { id: 'f', label: '手机号', modelValue: '1', errors: ['必须是 11 位手机号'] },
    });
    const input = w.get('input');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(w.get(`#${input.attributes('aria-describedby')}`).text()).toBe('必须是 11 位手机号');
    expect(w.get('label').attributes('for')).toBe('f');
  });
});

describe('routing', () => {
  it('sends a logged-out visitor of the account page to login and back', async () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    await router.push('/account');
    expect(authRedirect(router.currentRoute.value, false)).toEqual({ name: 'login', query: { redirect: '/account' } });
    expect(authRedirect(router.currentRoute.value, true)).toBe(true);
    await router.push('/guides');
    expect(authRedirect(router.currentRoute.value, false)).toBe(true);
  });

  it('an unknown path resolves to the 404 page', () => {
    const router = createRouter({ history: createMemoryHistory(), routes });
    expect(router.resolve('/no/such/page').name).toBe('not-found');
  });
});
