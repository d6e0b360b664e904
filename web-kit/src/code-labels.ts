import {
  ASSESSMENT_RATE_LABELS,
  CODE_LABELS_EN,
  COMPLAINT_CHANNEL_LABELS,
  COMPLAINT_FINDING_LABELS,
  COMPLAINT_OFFICE_LABELS,
  COMPLAINT_STATE_LABELS,
  COMPLAINT_SUBJECT_LABELS,
  COMPLAINT_TYPE_LABELS,
  type ComplaintDto,
  type Locale,
  type ScorePart,
} from '@onewindow/shared';
import { kitText } from './kit-text';

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

/**
 * A complaint's codes in the page's language. The server's `…Label` fields stay the record's (Chinese); pages
 * read these instead, so a complaint reads in English on an English page.
 */
export function complaintLabels(
  c: Pick<ComplaintDto, 'type' | 'subject' | 'channel' | 'office' | 'state' | 'finding'>,
) {
  return {
    type: COMPLAINT_TYPE_LABELS[c.type],
    subject: COMPLAINT_SUBJECT_LABELS[c.subject],
    channel: COMPLAINT_CHANNEL_LABELS[c.channel],
    office: COMPLAINT_OFFICE_LABELS[c.office],
    state: COMPLAINT_STATE_LABELS[c.state],
    finding: c.finding ? COMPLAINT_FINDING_LABELS[c.finding] : '',
  };
}

/** A score part's name in the page's language: a rate's, or the penalties' (cards, substantiated complaints). */
export const scorePartLabel = (p: Pick<ScorePart, 'part'>) =>
  p.part === 'cards' || p.part === 'complaints' ? kitText(`scorePart.${p.part}`) : ASSESSMENT_RATE_LABELS[p.part];
