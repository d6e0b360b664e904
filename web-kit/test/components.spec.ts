import { CASE_STATE_LABELS, CaseState } from '@onewindow/shared';
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import {
  CardLevelTag,
  CASE_STATE_TONES,
  CaseStateTag,
  ClockStandingTag,
  createAppI18n,
  NotFoundPage,
  ShanghaiTime,
  shanghaiDeadline,
  shanghaiTime,
} from '../src';

const { i18n } = createAppI18n({ 'zh-CN': {}, en: {} });
const router = createRouter({
  history: createMemoryHistory(),
  routes: [{ path: '/', component: { template: '<p/>' } }],
});
const plugins = { global: { plugins: [i18n, router] } };

describe('display components', () => {
  it('times are Beijing time to the minute, deadlines at midnight read 24:00 of the day before', () => {
    expect(shanghaiTime('2026-12-02T05:07:00Z')).toBe('2026-12-02 13:07');
    expect(shanghaiDeadline('2026-12-02T16:00:00Z')).toBe('2026-12-02 24:00');
    expect(shanghaiTime(null)).toBe('—');
    const w = mount(ShanghaiTime, { props: { at: '2026-12-02T05:07:00Z' } });
    expect(w.get('time').attributes('datetime')).toBe('2026-12-02T05:07:00.000Z');
    expect(w.text()).toBe('2026-12-02 13:07');
  });

  it('a case state is labelled and coloured by its meaning, not all alike', () => {
    const tones = new Set(Object.values(CASE_STATE_TONES));
    expect(tones.size).toBeGreaterThanOrEqual(4);
    expect(CASE_STATE_TONES.SUPPLEMENT_REQUIRED).toBe('warning');
    expect(CASE_STATE_TONES.REJECTED).toBe('danger');
    expect(CASE_STATE_TONES.COMPLETED).toBe('success');
    const w = mount(CaseStateTag, { props: { state: CaseState.SUPPLEMENT_REQUIRED } });
    expect(w.text()).toBe(CASE_STATE_LABELS.SUPPLEMENT_REQUIRED);
    expect(w.classes()).toContain('warning');
  });

  it('clock standing and card level speak the app’s language', async () => {
    const w = mount(ClockStandingTag, { props: { standing: 'OVERDUE' }, ...plugins });
    expect(w.text()).toBe('超期');
    expect(w.classes()).toEqual(expect.arrayContaining(['danger', 'strong']));
    i18n.global.locale.value = 'en';
    await w.vm.$nextTick();
    expect(w.text()).toBe('Overdue');
    i18n.global.locale.value = 'zh-CN';
    const card = mount(CardLevelTag, { props: { level: 'RED' } });
    expect(card.text()).toBe('红牌');
    expect(card.attributes('data-test')).toBe('level-RED');
  });

  it('the not-found page says so and leads back home', async () => {
    await router.push('/');
    const w = mount(NotFoundPage, { props: { backLabel: '返回工作台' }, ...plugins });
    expect(w.text()).toContain('页面不存在');
    expect(w.get('a').attributes('href')).toBe('/');
    expect(w.get('a').text()).toBe('返回工作台');
  });
});
