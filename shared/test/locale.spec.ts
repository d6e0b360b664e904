import { describe, expect, it } from 'vitest';
import { LOCALE_STORAGE_KEY, savedLocale, toggleLocaleOf } from '../src/index.js';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('locale preference', () => {
  it('defaults to Chinese, including for unknown saved values and no storage', () => {
    const s = memoryStorage();
    expect(savedLocale(s)).toBe('zh-CN');
    s.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(savedLocale(s)).toBe('zh-CN');
    expect(savedLocale(undefined)).toBe('zh-CN');
  });

  it('toggles, remembers the choice and sets the document language', () => {
    const s = memoryStorage();
    const locale = { value: 'zh-CN' };
    const doc = { documentElement: { lang: 'zh-CN' } };
    expect(toggleLocaleOf(locale, s, doc)).toBe('en');
    expect([locale.value, doc.documentElement.lang, savedLocale(s)]).toEqual(['en', 'en', 'en']);
    expect(toggleLocaleOf(locale, s, doc)).toBe('zh-CN');
    expect(savedLocale(s)).toBe('zh-CN');
  });
});
