import { describe, expect, it } from 'vitest';
import { highlightParts } from '../src/composables/use-guide-search';

describe('search highlights', () => {
  it('splits a name into plain and highlighted parts', () => {
    expect(highlightParts('食品经营许可', [[0, 4]])).toEqual([
      { text: '食品经营', hit: true },
      { text: '许可', hit: false },
    ]);
    expect(
      highlightParts('建筑工程施工许可证核发', [
        [2, 4],
        [6, 8],
      ])
        .map((p) => (p.hit ? `[${p.text}]` : p.text))
        .join(''),
    ).toBe('建筑[工程]施工[许可]证核发');
    expect(highlightParts('排污许可', [])).toEqual([{ text: '排污许可', hit: false }]);
  });
});
