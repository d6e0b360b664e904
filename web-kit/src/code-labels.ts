import { CODE_LABELS_EN, type Locale } from '@onewindow/shared';

// The Chinese texts as shared ships them, taken once before any switch.
const CHINESE = CODE_LABELS_EN.map(([zh]) => ({ ...zh }));

/**
 * Puts the code-set tables the pages read (CARD_LEVEL_LABELS, CASE_STATE_LABELS …) into the locale, in
 * place, so every `X_LABELS[code]` in a template speaks the page's language without a lookup of its own.
 * The app calls it before mounting and on every switch; the re-render the switch causes reads the new text.
 */
export function localizeCodeLabels(locale: Locale | string): void {
  CODE_LABELS_EN.forEach(([table, en], i) => Object.assign(table, locale === 'en' ? en : CHINESE[i]));
}

/** Every key path of a message tree (`a.b.c`), to prove two locales hold the same texts. */
export function messageKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object'
      ? messageKeys(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}
