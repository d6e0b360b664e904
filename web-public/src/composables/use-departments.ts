import type { DepartmentDto } from '@onewindow/shared';
import { onMounted, ref } from 'vue';
import { api } from '../api';

/**
 * The public list of active departments, for naming a matter's; `browsable` only those that lead a published
 * matter (browsing by department never leads to an empty list).
 */
export function useDepartments() {
  const departments = ref<DepartmentDto[]>([]);
  const browsable = ref<DepartmentDto[]>([]);
  const loading = ref(true);
  const failed = ref(false);
  onMounted(async () => {
    try {
      const [all, counts] = await Promise.all([api.org.listDepartments(), api.guides.departments()]);
      departments.value = all.filter((d) => d.active);
      const leading = new Set(counts.filter((c) => c.matters > 0).map((c) => c.departmentId));
      browsable.value = departments.value.filter((d) => leading.has(d.id));
    } catch {
      failed.value = true;
    } finally {
      loading.value = false;
    }
  });
  const nameOf = (id: string) => departments.value.find((d) => d.id === id)?.name ?? '';
  return { departments, browsable, loading, failed, nameOf };
}
