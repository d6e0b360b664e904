import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import ChainStatus from '../src/components/ChainStatus.vue';
import { i18n } from '../src/i18n';
import { guard, routes } from '../src/router';

describe('supervision routing', () => {
  it('everything but the login page needs a session', async () => {
    const router = createRouter({ history: createMemoryHistory('/supervision/'), routes });
    await router.push('/audit');
    expect(guard(router.currentRoute.value, false)).toEqual({ name: 'login', query: { redirect: '/audit' } });
    expect(guard(router.currentRoute.value, true)).toBe(true);
    await router.push('/login');
    expect(guard(router.currentRoute.value, false)).toBe(true);
  });
});

describe('audit chain status', () => {
  const render = (result: object | null) => mount(ChainStatus, { props: { result } as never, global: { plugins: [i18n, ElementPlus] } });

  it('says how many rows were checked when intact', () => {
    const w = render({ ok: true, checked: 42, firstBrokenSeq: null, reason: null });
    expect(w.text()).toContain('完整：已校验 42 条记录');
    expect(w.find('[data-test=chain-broken]').exists()).toBe(false);
  });

  it('names the first broken row and why', () => {
    const w = render({ ok: false, checked: 6, firstBrokenSeq: 7, reason: 'CONTENT_HASH_MISMATCH' });
    expect(w.get('[data-test=chain-broken]').text()).toContain('断裂：第 7 条（CONTENT_HASH_MISMATCH）');
  });

  it('shows nothing before the check has run', () => {
    expect(render(null).text()).toBe('');
  });
});
