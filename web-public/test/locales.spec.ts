import { messageKeys } from '@onewindow/web-kit';
import { describe, expect, it } from 'vitest';
import en from '../src/i18n/en';
import zhCN from '../src/i18n/zh-CN';

describe('locales', () => {
  it('every text key exists in both Chinese and English', () => {
    const zh = messageKeys(zhCN);
    const english = messageKeys(en);
    expect(english.filter((k) => !zh.includes(k))).toEqual([]);
    expect(zh.filter((k) => !english.includes(k))).toEqual([]);
  });

  it('no English text is empty or still Chinese (but the switch back to 中文 and sample values)', () => {
    const chineseOnPurpose = /(^|\.)(lang|switch|seriesExample)$/;
    const texts = (tree: Record<string, unknown>, at = ''): [string, string][] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string'
          ? [[`${at}${k}`, v] as [string, string]]
          : texts(v as Record<string, unknown>, `${at}${k}.`),
      );
    const bad = texts(en).filter(
      ([k, s]) => s.trim() === '' || (/[\u4e00-\u9fff]/.test(s) && !chineseOnPurpose.test(k)),
    );
    expect(bad).toEqual([]);
  });
});
