import type { DeadlinePolicyDto } from '@onewindow/shared';
import { mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import ChainStatus from '../src/components/ChainStatus.vue';
import { departmentChart, percent, perHundred, weeklyChart } from '../src/composables/performance-charts';
import { ownThresholdsText, thresholdRows } from '../src/composables/use-policy';
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
  const render = (result: object | null) =>
    mount(ChainStatus, { props: { result } as never, global: { plugins: [i18n, ElementPlus] } });

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

describe('performance charts', () => {
  const figures = {
    received: 10,
    concluded: 4,
    onTime: 3,
    onTimeRate: 0.75,
    yellow: 1,
    red: 2,
    cardsPer100: 30,
    subtasksAnswered: 2,
    subtasksDeemed: 1,
  };
  const report = {
    from: '2026-11-02',
    to: '2026-11-15',
    asOf: '2026-11-15T08:00:00.000Z',
    departmentId: null,
    totals: { ...figures, overdueOpen: 1 },
    departments: [
      { ...figures, departmentId: 'a', departmentName: '市场监管', overdueOpen: 1, rank: 1 },
      {
        ...figures,
        departmentId: 'b',
        departmentName: '住建',
        concluded: 0,
        onTime: 0,
        onTimeRate: null,
        overdueOpen: 0,
        rank: 2,
      },
    ],
    weeks: [
      { ...figures, weekStart: '2026-11-02' },
      { ...figures, weekStart: '2026-11-09', concluded: 0, onTime: 0, onTimeRate: null },
    ],
  };

  it('draws only departments that concluded something, in percent, red below the 98 % minimum drawn across', () => {
    const o = departmentChart(report, i18n.global.t);
    expect(o.yAxis.data).toEqual(['市场监管']);
    // The minimum's label sits above the plot, never on a bar's own label.
    expect(o.series[0]!.markLine.label).toMatchObject({ formatter: '最低 98%', position: 'end' });
    expect(o.series[0]!.data).toEqual([{ value: 75, itemStyle: { color: '#ff6b5e' } }]);
    expect(o.series[0]!.markLine.data).toEqual([{ xAxis: 98 }]);
  });

  it('plots the weeks: cards stacked, the on-time rate on its own axis with unknown weeks left empty', () => {
    const o = weeklyChart(report, i18n.global.t);
    expect(o.xAxis.data).toEqual(['11-02', '11-09']);
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['黄牌', [1, 1]],
      ['红牌', [2, 2]],
      ['按时办结率', [75, null]],
    ]);
    // The legend speaks the page's language.
    i18n.global.locale.value = 'en';
    expect(weeklyChart(report, i18n.global.t).series.map((s) => s.name)).toEqual([
      'Yellow card',
      'Red card',
      'On-time rate',
    ]);
    i18n.global.locale.value = 'zh-CN';
    expect(percent(null)).toBe('—');
    expect(percent(2 / 3)).toBe('66.7%');
    expect(perHundred(100 / 3)).toBe('33.3');
  });
});

describe('card policy rows', () => {
  it('shows every clock kind with its own thresholds or the default', () => {
    const p = {
      version: 2,
      state: 'IN_FORCE',
      usedPercent: 80,
      minLeft: 1,
      byKind: { CASE: { usedPercent: 50, minLeft: 2 } },
    } as unknown as DeadlinePolicyDto;
    const rows = thresholdRows(p);
    expect(rows.find((r) => r.kind === 'CASE')).toMatchObject({ usedPercent: 50, minLeft: 2, own: true });
    expect(rows.find((r) => r.kind === 'ACCEPTANCE')).toMatchObject({ usedPercent: 80, minLeft: 1, own: false });
    expect(ownThresholdsText(p)).toBe('办理时限 50%/2');
  });
});
