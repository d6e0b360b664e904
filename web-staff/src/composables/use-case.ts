import { ApiError, type CaseDto, type ClockDto, type ClockExplanationDto } from '@onewindow/shared';
import { ElMessage } from 'element-plus';
import { computed, ref } from 'vue';
import { api } from '../api';
import { saveFile } from '../lib/save-file';
import { useSessionStore } from '../stores/session';
import { availableActions, type CaseActionSpec } from './case-actions';

/** One case on the staff case page: its record, the clock running now, and the actions this user may take. */
export function useCase(id: string) {
  const session = useSessionStore();
  const c = ref<CaseDto | null>(null);
  const explanation = ref<ClockExplanationDto | null>(null);
  const busy = ref(false);
  const fieldErrors = ref<Record<string, string[]>>({});
  const actions = computed(() => (c.value ? availableActions(c.value, session.hasRole) : []));
  const running = computed<ClockDto | null>(() => {
    const x = c.value;
    if (!x) return null;
    return [x.deliveryClock, x.caseClock, x.acceptanceClock].find((k) => k && k.state !== 'STOPPED') ?? null;
  });

  async function load() {
    c.value = await api.cases.get(id);
    explanation.value = running.value ? await api.clocks.explain(running.value.id) : null;
  }

  async function act(spec: CaseActionSpec, values: Record<string, unknown>): Promise<boolean> {
    busy.value = true;
    fieldErrors.value = {};
    try {
      c.value = await spec.run(c.value!, values);
      explanation.value = running.value ? await api.clocks.explain(running.value.id) : null;
      ElMessage.success(`${spec.label}：已完成`);
      return true;
    } catch (e) {
      if (e instanceof ApiError) {
        fieldErrors.value = e.fieldErrors;
        ElMessage.error(e.message);
        return false;
      }
      throw e;
    } finally {
      busy.value = false;
    }
  }

  const downloadNotice = async (noticeId: string) => saveFile(await api.cases.notice(id, noticeId));
  const downloadMaterial = async (index: number) => saveFile(await api.cases.materialFile(id, index));

  void load();
  return { c, explanation, running, actions, busy, fieldErrors, act, downloadNotice, downloadMaterial, reload: load };
}
