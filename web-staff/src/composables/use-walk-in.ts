import {
  ApiError,
  type CaseApplicantInput,
  type CaseMaterialStatus,
  type MatterVersionDto,
  type PublicMatterHitDto,
} from '@onewindow/shared';
import { ElMessage } from 'element-plus';
import { ref } from 'vue';
import { useRouter } from 'vue-router';
import { api } from '../api';

/** Window receipt: find the matter, register the applicant, tick the checklist, receive. */
export function useWalkIn() {
  const router = useRouter();
  const hits = ref<PublicMatterHitDto[]>([]);
  const matter = ref<MatterVersionDto | null>(null);
  const applicant = ref<CaseApplicantInput>({
    kind: 'PERSON',
    name: '',
    idNumber: '',
    contactName: '',
    phone: '',
    address: '',
  });
  const checklist = ref<CaseMaterialStatus[]>([]);
  const fieldErrors = ref<Record<string, string[]>>({});
  const busy = ref(false);

  async function search(q: string) {
    hits.value = q.trim() ? (await api.guides.search({ q, pageSize: 10 })).items : [];
  }
  async function choose(code: string) {
    matter.value = await api.guides.get(code);
    checklist.value = matter.value.content.materials.map(() => 'ORIGINAL_SEEN');
  }
  async function receive() {
    busy.value = true;
    fieldErrors.value = {};
    try {
      const a = applicant.value;
      const c = await api.cases.walkIn({
        matterCode: matter.value!.code,
        applicant: { ...a, contactName: a.contactName || a.name, address: a.address || undefined },
        materials: checklist.value.map((status, index) => ({ index, status })),
      });
      ElMessage.success(`已收件：${c.receiptNo}`);
      await router.push(`/cases/${c.id}`);
    } catch (e) {
      if (e instanceof ApiError) {
        fieldErrors.value = e.fieldErrors;
        ElMessage.error(e.message);
      } else throw e;
    } finally {
      busy.value = false;
    }
  }
  const errorFor = (path: string) => fieldErrors.value[`applicant.${path}`]?.join('；') ?? '';
  return { hits, matter, applicant, checklist, busy, search, choose, receive, errorFor };
}
