import {
  type CaseDto,
  type ClockExplanationDto,
  type DownloadedFile,
  isCenterWide,
  runningClock,
  saveDownloadedFile,
} from '@onewindow/shared';
import { reportError, useAction } from '@onewindow/web-kit';
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { api } from '../api';
import { useSessionStore } from '../stores/session';
import { availableActions, type CaseActionSpec } from './case-actions';

/** One case on the staff case page: its record, the clock running now, and the actions this user may take. */
export function useCase(id: string) {
  const session = useSessionStore();
  const { t } = useI18n();
  const c = ref<CaseDto | null>(null);
  const explanation = ref<ClockExplanationDto | null>(null);
  const { busy, fieldErrors, run } = useAction();
  const actions = computed(() => (c.value ? availableActions(c.value, session.principal) : []));
  const running = computed(() => (c.value ? runningClock(c.value) : null));

  /** The running clock's explanation, for the department whose clock it is (a co-department reads the case only). */
  async function explain() {
    const clock = running.value;
    const mine =
      clock && (clock.departmentId === session.principal?.departmentId || isCenterWide(session.principal?.roles ?? []));
    explanation.value = mine ? await api.clocks.explain(clock.id) : null;
  }

  async function load() {
    c.value = await api.cases.get(id);
    await explain();
  }

  async function act(spec: CaseActionSpec, values: Record<string, unknown>): Promise<boolean> {
    const done = await run(
      async () => {
        c.value = await spec.run(c.value!, values);
        await explain();
        return true;
      },
      { success: t('caseDetail.done', { action: t(spec.label) }) },
    );
    return done ?? false;
  }

  const downloadNotice = async (noticeId: string) => saveDownloadedFile(await api.cases.notice(id, noticeId));
  const downloadMaterial = async (index: number) => saveDownloadedFile(await api.cases.materialFile(id, index));
  /** The material open in the preview dialog. */
  const preview = ref<DownloadedFile | null>(null);
  const previewMaterial = async (index: number) => {
    try {
      preview.value = await api.cases.materialFile(id, index);
    } catch (e) {
      reportError(e);
    }
  };

  void load();
  return {
    c,
    explanation,
    running,
    actions,
    busy,
    fieldErrors,
    act,
    downloadNotice,
    downloadMaterial,
    preview,
    previewMaterial,
    reload: load,
  };
}
