import {
  ApiError,
  type CaseApplicantInput,
  type CaseDto,
  type CaseSummaryDto,
  runningClock,
  saveDownloadedFile,
} from '@onewindow/shared';
import { computed, ref } from 'vue';
import { api } from '../api';

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
  const c = ref<CaseDto | null>(null);
  const applicant = ref<CaseApplicantInput>({
    kind: 'PERSON',
    name: '',
    idNumber: '',
    contactName: '',
    phone: '',
    address: '',
    projectCode: '',
  });
  const deferred = ref<Set<number>>(new Set());
  const fieldErrors = ref<Record<string, string[]>>({});
  const error = ref('');
  const busy = ref(false);

  async function load() {
    c.value = await api.cases.get(id);
    applicant.value = {
      ...applicant.value,
      name: applicant.value.name || c.value.applicant.name,
      contactName: applicant.value.contactName || c.value.applicant.contactName,
      projectCode: applicant.value.projectCode || c.value.projectCode || '',
    };
    deferred.value = new Set(c.value.materials.filter((m) => m.status === 'DEFERRED').map((m) => m.index));
  }

  async function run(work: () => Promise<CaseDto | unknown>) {
    busy.value = true;
    error.value = '';
    fieldErrors.value = {};
    try {
      const out = await work();
      if (out && typeof out === 'object' && 'state' in out) c.value = out as CaseDto;
      else await load();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      error.value = e.message;
      fieldErrors.value = e.fieldErrors;
      return false;
    } finally {
      busy.value = false;
    }
  }

  const draftBody = () => ({
    applicant: {
      ...applicant.value,
      contactName: applicant.value.contactName || applicant.value.name,
      address: applicant.value.address || undefined,
      projectCode: (applicant.value.kind === 'ORGANIZATION' && applicant.value.projectCode?.trim()) || null,
    },
    // Every material: 容缺 where ticked, otherwise provided by its upload (or missing until then).
    materials: (c.value?.materials ?? []).map((m) => ({
      index: m.index,
      status: deferred.value.has(m.index) ? ('DEFERRED' as const) : ('PROVIDED' as const),
    })),
  });
  const save = () => run(() => api.cases.saveDraft(id, draftBody()));
  const upload = (index: number, file: File) =>
    run(() =>
      api.cases.uploadMaterial(id, index, {
        bytes: file,
        mediaType: file.type || 'application/octet-stream',
        fileName: file.name,
      }),
    );
  const submit = () => run(async () => (await save()) && api.cases.submit(id));
  /** Answer the supplement notice with the materials it asked for (uploaded since). */
  const supply = () => run(() => api.cases.supply(id, { materialIndexes: asked.value }));
  const supplyDeferred = (indexes: number[]) => run(() => api.cases.supplyDeferred(id, { materialIndexes: indexes }));
  const withdraw = (reason: string) => run(() => api.cases.withdraw(id, { reason }));
  const notice = async (noticeId: string) => saveDownloadedFile(await api.cases.notice(id, noticeId));

  const asked = computed(() =>
    (c.value?.supplementItems ?? []).filter((i) => i.materialIndex !== null).map((i) => i.materialIndex!),
  );
  const running = computed(() => (c.value ? runningClock(c.value) : null));

  void load();
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
    supply,
    supplyDeferred,
    withdraw,
    notice,
  };
}
