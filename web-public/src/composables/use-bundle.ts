import type { BundleDto, BundleSummaryDto, PublicLifeEventDto } from '@onewindow/shared';
import { ref } from 'vue';
import { api } from '../api';
import { useApplicationDraft } from './use-application-draft';

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
  const {
    doc: b,
    applicant,
    deferred,
    fieldErrors,
    error,
    busy,
    save,
    upload,
    submit,
    setDeferred,
  } = useApplicationDraft<BundleDto>({
    kind: 'ORGANIZATION',
    read: () => api.bundles.get(id),
    isDoc: (out): out is BundleDto => !!out && typeof out === 'object' && 'items' in out,
    applicantOf: (x) => ({ ...x.applicant, projectCode: x.projectCode }),
    materialsOf: (x) => x.items,
    saveDraft: (body) => api.bundles.saveDraft(id, body),
    upload: (index, file) => api.bundles.uploadMaterial(id, index, file),
    submit: () => api.bundles.submit(id),
  });
  return { b, applicant, deferred, fieldErrors, error, busy, save, upload, submit, setDeferred };
}
