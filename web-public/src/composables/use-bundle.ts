import {
  ApiError,
  type BundleDto,
  type BundleSummaryDto,
  type CaseApplicantInput,
  type PublicLifeEventDto,
} from '@onewindow/shared';
import { ref } from 'vue';
import { api } from '../api';

/** Published life events (一件事) for the portal's list. */
export function useLifeEvents() {
  const items = ref<PublicLifeEventDto[]>([]);
  const failed = ref(false);
  const loading = ref(true);
  api.lifeEvents
    .published()
    .then((x) => (items.value = x))
    .catch(() => (failed.value = true))
    .finally(() => (loading.value = false));
  return { items, failed, loading };
}

export const useMyBundles = () => {
  const items = ref<BundleSummaryDto[]>([]);
  void api.bundles.mine().then((x) => (items.value = x));
  return { items };
};

/**
 * The applicant's bundle (一件事一次办): one form for every matter of the life event. The applicant's details go to
 * every part, each document of the combined form is uploaded once, and sending receives every part at once.
 */
export function useBundle(id: string) {
  const b = ref<BundleDto | null>(null);
  const applicant = ref<CaseApplicantInput>({
    kind: 'ORGANIZATION',
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
    b.value = await api.bundles.get(id);
    applicant.value = {
      ...applicant.value,
      name: applicant.value.name || b.value.applicant.name,
      contactName: applicant.value.contactName || b.value.applicant.contactName,
      projectCode: applicant.value.projectCode || b.value.projectCode || '',
    };
    deferred.value = new Set(b.value.items.filter((i) => i.status === 'DEFERRED').map((i) => i.index));
  }

  async function run(work: () => Promise<unknown>) {
    busy.value = true;
    error.value = '';
    fieldErrors.value = {};
    try {
      const out = await work();
      if (out && typeof out === 'object' && 'items' in out) b.value = out as BundleDto;
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
    // Every item: 容缺 where ticked, otherwise provided by its upload (or missing until then).
    materials: (b.value?.items ?? []).map((i) => ({
      index: i.index,
      status: deferred.value.has(i.index) ? ('DEFERRED' as const) : ('PROVIDED' as const),
    })),
  });
  const save = () => run(() => api.bundles.saveDraft(id, draftBody()));
  const upload = (index: number, file: File) =>
    run(() =>
      api.bundles.uploadMaterial(id, index, {
        bytes: file,
        mediaType: file.type || 'application/octet-stream',
        fileName: file.name,
      }),
    );
  const submit = () => run(async () => (await save()) && api.bundles.submit(id));

  void load();
  return { b, applicant, deferred, fieldErrors, error, busy, save, upload, submit };
}
