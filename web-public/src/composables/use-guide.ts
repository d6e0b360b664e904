import { ApiError, type FeeItemDto, type MatterVersionDto } from '@onewindow/shared';
import { ref, watch } from 'vue';
import { useRoute } from 'vue-router';
import { api } from '../api';
import { useDepartments } from './use-departments';

/** A published guide with the names of its department(s) and its fee items. */
export function useGuide() {
  const route = useRoute();
  const guide = ref<MatterVersionDto | null>(null);
  const { departments } = useDepartments();
  const fees = ref<FeeItemDto[]>([]);
  const notFound = ref(false);

  async function load(code: string) {
    notFound.value = false;
    try {
      const [g, feeItems] = await Promise.all([api.guides.get(code), api.fees.items()]);
      guide.value = g;
      fees.value = feeItems.filter((f) => g.content.feeItemCodes.includes(f.code));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) notFound.value = true;
      else throw e;
    }
  }
  const departmentName = (id: string) => departments.value.find((d) => d.id === id)?.name ?? '';
  watch(
    () => route.params.code,
    (code) => code && load(String(code)),
    { immediate: true },
  );
  return { guide, fees, notFound, departmentName };
}
