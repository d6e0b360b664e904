import {
  applicantToSend,
  blankApplicant,
  type CaseApplicantInput,
  type CaseMaterialStatus,
  type MatterVersionDto,
  type PublicMatterHitDto,
} from '@onewindow/shared';
import { notify, useAction } from '@onewindow/web-kit';
import { ref } from 'vue';
import { useRouter } from 'vue-router';
import { api } from '../api';
import { i18n } from '../i18n';

/** Window receipt: find the matter, register the applicant, tick the checklist, receive. */
export function useWalkIn() {
  const router = useRouter();
  const hits = ref<PublicMatterHitDto[]>([]);
  const matter = ref<MatterVersionDto | null>(null);
  const applicant = ref<CaseApplicantInput>(blankApplicant('PERSON'));
  const checklist = ref<CaseMaterialStatus[]>([]);
  const { busy, run, fieldError } = useAction();

  async function search(q: string) {
    hits.value = q.trim() ? (await api.guides.search({ q, pageSize: 10 })).items : [];
  }
  async function choose(code: string) {
    matter.value = await api.guides.get(code);
    checklist.value = matter.value.content.materials.map(() => 'ORIGINAL_SEEN');
  }
  async function receive() {
    const a = applicant.value;
    const c = await run(() =>
      api.cases.walkIn({
        matterCode: matter.value!.code,
        applicant: applicantToSend(a),
        materials: checklist.value.map((status, index) => ({ index, status })),
      }),
    );
    if (!c) return;
    notify.success(i18n.global.t('walkIn.receivedToast', { no: c.receiptNo }));
    await router.push(`/cases/${c.id}`);
  }
  const errorFor = (path: string) => fieldError(`applicant.${path}`);
  return { hits, matter, applicant, checklist, busy, search, choose, receive, errorFor };
}
