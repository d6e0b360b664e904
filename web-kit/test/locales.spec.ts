import * as shared from '@onewindow/shared';
import { CARD_LEVEL_LABELS, CASE_STATE_LABELS, CODE_LABELS_EN, HANDLING_KIND_LABELS } from '@onewindow/shared';
import { describe, expect, it } from 'vitest';
import { localizeCodeLabels, messageKeys } from '../src/code-labels';
import { kitMessages } from '../src/messages';

describe('locales', () => {
  it("the kit's texts have the same keys in Chinese and English", () => {
    expect(messageKeys(kitMessages.en)).toEqual(messageKeys(kitMessages['zh-CN']));
  });

  it('messageKeys finds a key that one locale lacks, however deep', () => {
    const zh = { a: { b: '一', c: { d: '二' } } };
    const en = { a: { b: 'one', c: {} } };
    expect(messageKeys(zh)).toEqual(['a.b', 'a.c.d']);
    expect(messageKeys(en)).not.toEqual(messageKeys(zh));
  });

  it('every English code-set table has exactly the codes of its Chinese table, none empty', () => {
    for (const [zh, en] of CODE_LABELS_EN) {
      expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
      for (const text of Object.values(en)) expect(text.trim()).not.toBe('');
    }
  });

  it('every code-set table of shared has English, but those only the server writes into the record', () => {
    // Texts of the record (notices, task and step names, field names in messages): Chinese in both locales.
    const recordOnly = ['CASE_TASK_LABELS', 'CLOCK_STOP_LABELS', 'FIELD_LABELS', 'MATTER_FIELD_LABELS'];
    const paired = new Set(CODE_LABELS_EN.map(([zh]) => zh));
    const missing = Object.entries(shared)
      .filter(([name, table]) => name.endsWith('_LABELS') && typeof table === 'object' && !Array.isArray(table))
      .filter(([name, table]) => !recordOnly.includes(name) && !paired.has(table as Record<string, string>))
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('code values follow the locale and come back to Chinese', () => {
    localizeCodeLabels('en');
    expect(CARD_LEVEL_LABELS.YELLOW).toBe('Yellow card');
    expect(HANDLING_KIND_LABELS.PROMISED).toBe('Promised');
    expect(CASE_STATE_LABELS.SUPPLEMENT_REQUIRED).toBe('Awaiting supplement');
    localizeCodeLabels('zh-CN');
    expect(CARD_LEVEL_LABELS.YELLOW).toBe('黄牌');
    expect(HANDLING_KIND_LABELS.PROMISED).toBe('承诺件');
  });
});
