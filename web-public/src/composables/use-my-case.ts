import { type CaseDto, type CaseSummaryDto, runningClock, saveDownloadedFile } from '@onewindow/shared';
import { computed, ref } from 'vue';
import { api } from '../api';
import { useApplicationDraft } from './use-application-draft';

export const useMyCases = () => {
  const items = ref<CaseSummaryDto[]>([]);
  void api.cases.mine().then((x) => (items.value = x));
  return { items };
};

/**
 * The applicant's own case: fill and submit a draft (details, uploads, 容缺), answer a supplement notice,
 * hand in deferred materials, withdraw, and download every notice.
 */
export function useMyCase(id: string) {
  const {
    doc: c,
    applicant,
    deferred,
    fieldErrors,
    error,
    busy,
    run,
    save,
    upload,
    submit,
    setDeferred,
  } = useApplicationDraft<CaseDto>({
    kind: 'PERSON',
    read: () => api.cases.get(id),
    isDoc: (out): out is CaseDto => !!out && typeof out === 'object' && 'state' in out,
    applicantOf: (x) => ({ ...x.applicant, projectCode: x.projectCode }),
    materialsOf: (x) => x.materials,
    saveDraft: (body) => api.cases.saveDraft(id, body),
    upload: (index, file) => api.cases.uploadMaterial(id, index, file),
    submit: () => api.cases.submit(id),
  });
  const supply = () => run(() => api.cases.supply(id, { materialIndexes: asked.value }));
  const supplyDeferred = (indexes: number[]) => run(() => api.cases.supplyDeferred(id, { materialIndexes: indexes }));
  const withdraw = (reason: string) => run(() => api.cases.withdraw(id, { reason }));
  const notice = async (noticeId: string) => saveDownloadedFile(await api.cases.notice(id, noticeId));

  const asked = computed(() =>
    (c.value?.supplementItems ?? []).filter((i) => i.materialIndex !== null).map((i) => i.materialIndex!),
  );
  const running = computed(() => (c.value ? runningClock(c.value) : null));

  return {
    c,
    applicant,
    deferred,
    fieldErrors,
    error,
    busy,
    asked,
    running,
    save,
    upload,
    submit,
    setDeferred,
    supply,
    supplyDeferred,
    withdraw,
    notice,
  };
}
