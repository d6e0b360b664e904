import {
  applicantToSend,
  blankApplicant,
  type BundleDto,
  BundleQueue,
  type BundleSummaryDto,
  type CaseApplicantInput,
  type CaseMaterialStatus,
  type DeliveryMethod,
  type PublicLifeEventDto,
  saveDownloadedFile,
} from '@onewindow/shared';
import { notify, useAction } from '@onewindow/web-kit';
import { reactive, ref } from 'vue';
import { useRouter } from 'vue-router';
import { api } from '../api';
import { i18n } from '../i18n';

/** The comprehensive window's bundle queues: 待综合受理, 办理中, 待统一送达. */
export function useBundleQueue() {
  const queue = ref<BundleQueue>(BundleQueue.TO_ACCEPT);
  const items = ref<BundleSummaryDto[]>([]);
  const loading = ref(false);
  async function load() {
    loading.value = true;
    try {
      items.value = await api.bundles.queue({ queue: queue.value });
    } finally {
      loading.value = false;
    }
  }
  return { queue, items, loading, load };
}

/** One bundle at the comprehensive window: accept every part at once, deliver them together. */
export function useBundle(id: string) {
  const b = ref<BundleDto | null>(null);
  const accept = reactive({ open: false, opinion: i18n.global.t('bundles.defaultOpinion'), promise: '' });
  const deliver = reactive({
    open: false,
    method: 'PICKUP' as DeliveryMethod,
    carrier: '',
    trackingNo: '',
    certificates: {} as Record<string, string>,
  });
  const action = useAction();

  async function load() {
    b.value = await api.bundles.get(id);
  }
  const hasDeferred = () => b.value?.items.some((i) => i.status === 'DEFERRED') ?? false;

  async function submitAccept() {
    const out = await action.run(
      () =>
        api.bundles.accept(id, {
          opinion: accept.opinion.trim() || undefined,
          deferredPromiseDate: hasDeferred() ? accept.promise || undefined : undefined,
        }),
      { success: i18n.global.t('bundles.accepted') },
    );
    if (!out) return;
    b.value = out;
    accept.open = false;
  }

  function startDeliver() {
    deliver.certificates = Object.fromEntries(
      (b.value?.parts ?? []).filter((p) => p.approved).map((p) => [p.caseId, '']),
    );
    deliver.open = true;
  }

  async function submitDeliver() {
    const out = await action.run(
      () =>
        api.bundles.deliver(id, {
          method: deliver.method,
          carrier: deliver.carrier.trim() || undefined,
          trackingNo: deliver.trackingNo.trim() || undefined,
          certificates: Object.entries(deliver.certificates)
            .filter(([, no]) => no.trim())
            .map(([caseId, certificateNo]) => ({ caseId, certificateNo: certificateNo.trim() })),
        }),
      { success: i18n.global.t('bundles.delivered') },
    );
    if (!out) return;
    b.value = out;
    deliver.open = false;
  }

  /** A part's notice (PDF), downloaded where the window prints it. */
  const downloadNotice = (caseId: string, noticeId: string) =>
    action.run(async () => saveDownloadedFile(await api.cases.notice(caseId, noticeId)));

  void load();
  return { b, accept, deliver, action, hasDeferred, submitAccept, startDeliver, submitDeliver, downloadNotice };
}

/** 综合窗口收件 for a life event: choose it, register the applicant, tick the combined checklist, receive. */
export function useBundleWalkIn() {
  const router = useRouter();
  const events = ref<PublicLifeEventDto[]>([]);
  const chosen = ref<PublicLifeEventDto | null>(null);
  const applicant = ref<CaseApplicantInput>(blankApplicant('ORGANIZATION'));
  const checklist = ref<CaseMaterialStatus[]>([]);
  const { busy, run, fieldError } = useAction();
  void api.lifeEvents.published().then((x) => (events.value = x));

  function choose(e: PublicLifeEventDto) {
    chosen.value = e;
    checklist.value = e.materials.map(() => 'ORIGINAL_SEEN');
  }
  async function receive() {
    const a = applicant.value;
    const b = await run(() =>
      api.bundles.walkIn({
        lifeEventCode: chosen.value!.code,
        applicant: applicantToSend(a),
        materials: checklist.value.map((status, index) => ({ index, status })),
      }),
    );
    if (!b) return;
    notify.success(i18n.global.t('bundles.receivedToast', { no: b.bundleNo, n: b.parts.length }));
    await router.push(`/bundles/${b.id}`);
  }
  const errorFor = (path: string) => fieldError(`applicant.${path}`);
  return { events, chosen, applicant, checklist, busy, choose, receive, errorFor };
}
