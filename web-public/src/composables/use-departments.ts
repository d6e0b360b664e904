import type { DepartmentDto } from '@onewindow/shared';
import { onMounted, ref } from 'vue';
import { api } from '../api';

/** The public list of active departments, for browsing the catalog by department and naming a matter's. */
export function useDepartments() {
  const departments = ref<DepartmentDto[]>([]);
  const loading = ref(true);
  const failed = ref(false);
  onMounted(async () => {
    try {
      departments.value = (await api.org.listDepartments()).filter((d) => d.active);
    } catch {
      failed.value = true;
    } finally {
      loading.value = false;
    }
  });
  const nameOf = (id: string) => departments.value.find((d) => d.id === id)?.name ?? '';
  return { departments, loading, failed, nameOf };
}
