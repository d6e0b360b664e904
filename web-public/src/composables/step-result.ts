import { CASE_ACTION_LABELS, type CaseAction, STEP_RESULT_LABELS, type StepResultCode } from '@onewindow/shared';
import { i18n } from '../i18n';

/**
 * What a step came to, in the applicant's words: a decision is 准予许可 or 不予许可; a result the action already says
 * (受理 after 受理, 补齐补正 after 补齐补正材料) is not repeated. The case page and the public progress both read it.
 */
export function stepResult(s: { action: CaseAction; resultCode: StepResultCode | null }): string | null {
  if (!s.resultCode) return null;
  const { t } = i18n.global;
  if (s.action === 'DECIDE' || s.action === 'FORWARD_ANSWER')
    return s.resultCode === '1' ? t('myCase.granted') : t('myCase.refused');
  const label = STEP_RESULT_LABELS[s.resultCode];
  return CASE_ACTION_LABELS[s.action].includes(label) ? null : label;
}
