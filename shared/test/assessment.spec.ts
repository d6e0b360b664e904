import { describe, expect, it } from 'vitest';
import {
  type AssessmentFigures,
  type AssessmentSchemeBody,
  belowMinimum,
  recentPeriods,
  scoreOf,
} from '../src/index.js';

const scheme: AssessmentSchemeBody = {
  weights: { onTimeRate: 40, onTheSpotRate: 20, satisfactionRate: 30, rectifiedOnTimeRate: 10 },
  cardPenalty: 2,
  complaintPenalty: 5,
  minimums: { onTimeRate: 0.98, satisfactionRate: 0.95 },
  minConcluded: 5,
  note: '',
};
const figures = (over: Partial<AssessmentFigures>): AssessmentFigures => ({
  concluded: 10,
  onTime: 10,
  onTimeRate: 1,
  onTheSpot: 5,
  onTheSpotRate: 0.5,
  ratings: 10,
  satisfied: 10,
  satisfactionRate: 1,
  excludedRatings: 0,
  rectifications: 0,
  rectifiedOnTime: 0,
  rectifiedOnTimeRate: null,
  cards: 0,
  substantiatedComplaints: 0,
  ...over,
});

describe('assessment scores and minimums', () => {
  it('scores by the weighted parts: no bad rating earns the rectification part in full, no penalty reads 0 (not -0)', () => {
    const { score, parts } = scoreOf(figures({}), scheme);
    expect(score).toBe(40 + 10 + 30 + 10);
    expect(parts.find((p) => p.part === 'cards')!.points).toBe(0);
    expect(Object.is(parts.find((p) => p.part === 'cards')!.points, -0)).toBe(false);
    expect(scoreOf(figures({ cards: 3, substantiatedComplaints: 1 }), scheme).score).toBe(90 - 6 - 5);
  });

  it('says why a minimum fails: below it, or no figure to meet it with', () => {
    expect(belowMinimum(figures({}), scheme)).toEqual([]);
    expect(belowMinimum(figures({ satisfactionRate: 0.9 }), scheme)).toEqual(['满意率低于 95%']);
    expect(belowMinimum(figures({ ratings: 0, satisfied: 0, satisfactionRate: null, concluded: 3 }), scheme)).toEqual([
      '满意率无数据（须达 95%）',
      '办结量不足 5 件',
    ]);
  });

  it('offers this year’s quarters so far, newest first, then the year and last year', () => {
    expect(recentPeriods('2026-12-04')).toEqual([
      '2026Q4',
      '2026Q3',
      '2026Q2',
      '2026Q1',
      '2026',
      '2025Q4',
      '2025Q3',
      '2025Q2',
      '2025Q1',
      '2025',
    ]);
    expect(recentPeriods('2027-02-01').slice(0, 3)).toEqual(['2027Q1', '2027', '2026Q4']);
  });
});
