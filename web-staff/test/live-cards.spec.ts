import type { CardDto, UrgeDto } from '@onewindow/shared';
import { describe, expect, it } from 'vitest';
import { liveNotice } from '../src/composables/use-live-cards';

const card = {
  level: 'RED',
  state: 'ISSUED',
  events: [],
  reason: 'CASE_OVERDUE',
  reasonLabel: '超过承诺办结时限',
  caseNo: 'SCJG-20261102-0001',
  receiptNo: 'SJ2026110200001',
  matterName: '食品经营许可',
  staffName: '王晓明',
} as unknown as CardDto;

describe('live notices in the back office', () => {
  it('names a pushed card by level and reason, with the case and who is responsible', () => {
    expect(liveNotice({ type: 'card', card })).toEqual({
      title: '红牌：超过承诺办结时限',
      message: 'SCJG-20261102-0001 食品经营许可（王晓明）',
      type: 'error',
      to: '/cards',
    });
    expect(
      liveNotice({ type: 'card', card: { ...card, level: 'YELLOW', caseNo: null, staffName: null } })!,
    ).toMatchObject({ title: '黄牌：超过承诺办结时限', message: 'SJ2026110200001 食品经营许可', type: 'warning' });
  });

  it("tells of a decision on the department's appeal, not of the appeal itself coming back", () => {
    expect(liveNotice({ type: 'card', card: { ...card, state: 'APPEALED' } })).toBeNull();
    const revoked = {
      ...card,
      state: 'REVOKED',
      events: [
        { action: 'APPEAL', reason: '系统故障', actorName: '王晓明', at: '' },
        { action: 'REVOKE', reason: '情况属实', actorName: '郑监察', at: '' },
      ],
    } as CardDto;
    expect(liveNotice({ type: 'card', card: revoked })).toMatchObject({
      title: '申诉结果：已撤销',
      message: '红牌 SCJG-20261102-0001 食品经营许可。情况属实',
      type: 'success',
    });
    expect(liveNotice({ type: 'card', card: { ...revoked, state: 'UPHELD' } })!.type).toBe('warning');
  });

  it('tells of an open urge, not of an answered one or a sweep run', () => {
    const urge = {
      state: 'OPEN',
      caseNo: 'SCJG-20261102-0001',
      matterName: '食品经营许可',
      message: '请说明进度',
    } as UrgeDto;
    expect(liveNotice({ type: 'urge', urge })).toMatchObject({
      title: '督办',
      message: 'SCJG-20261102-0001 食品经营许可：请说明进度',
    });
    expect(liveNotice({ type: 'urge', urge: { ...urge, state: 'ANSWERED' } })).toBeNull();
    expect(liveNotice({ type: 'run', run: {} as never })).toBeNull();
  });
});
