import { officialDays } from '@onewindow/shared';
import { describe, expect, it } from 'vitest';
import { monthGrids, parseImport } from '../src/composables/use-calendar-year';

describe('calendar month grids', () => {
  const grids = monthGrids(officialDays(2026, 2026));

  it('lays out twelve months, Monday first, each date once', () => {
    expect(grids.map((g) => g.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const dates = grids.flatMap((g) => g.weeks.flat()).filter((d) => d !== null);
    expect(dates).toHaveLength(365);
    for (const g of grids) for (const w of g.weeks) expect(w).toHaveLength(7);
  });

  it('puts 1 February 2026, a Sunday, in the last column and Spring Festival on its days', () => {
    const feb = grids[1]!;
    expect(feb.weeks[0]!.slice(0, 6)).toEqual([null, null, null, null, null, null]);
    expect(feb.weeks[0]![6]!.date).toBe('2026-02-01');
    const saturday14 = feb.weeks.flat().find((d) => d?.date === '2026-02-14');
    expect(saturday14?.kind).toBe('MAKEUP_WORKDAY');
    expect(feb.weeks[2]![5]).toEqual(saturday14); // third week, Saturday column
  });
});

describe('import file', () => {
  it('accepts the notice shape and explains what it needs otherwise', () => {
    expect(parseImport('{"notice":"通知","specials":[]}')).toEqual({ notice: '通知', specials: [] });
    expect(() => parseImport('{"days":[]}')).toThrow(/notice/);
    expect(() => parseImport('not json')).toThrow();
  });
});
