import type { CardDto, UrgeDto } from '@onewindow/shared';
import { describe, expect, it } from 'vitest';
import { liveNotice } from '../src/composables/use-live-cards';

const card = { level: 'RED', reasonLabel: '超过承诺办结时限', caseNo: 'SCJG-20261102-0001', receiptNo: 'SJ2026110200001', matterName: '食品经营许可', staffName: '王晓明' } as CardDto;

describe('live notices in the back office', () => {
  it('names a pushed card by level and reason, with the case and who is responsible', () => {
    expect(liveNotice({ type: 'card', card })).toEqual({ title: '红牌：超过承诺办结时限', message: 'SCJG-20261102-0001 食品经营许可（王晓明）', type: 'error', to: '/cards' });
    expect(liveNotice({ type: 'card', card: { ...card, level: 'YELLOW', caseNo: null, staffName: null } })!).toMatchObject({ title: '黄牌：超过承诺办结时限', message: 'SJ2026110200001 食品经营许可', type: 'warning' });
  });

  it('tells of an open urge, not of an answered one or a sweep run', () => {
    const urge = { state: 'OPEN', caseNo: 'SCJG-20261102-0001', matterName: '食品经营许可', message: '请说明进度' } as UrgeDto;
    expect(liveNotice({ type: 'urge', urge })).toMatchObject({ title: '督办', message: 'SCJG-20261102-0001 食品经营许可：请说明进度' });
    expect(liveNotice({ type: 'urge', urge: { ...urge, state: 'ANSWERED' } })).toBeNull();
    expect(liveNotice({ type: 'run', run: {} as never })).toBeNull();
  });
});
