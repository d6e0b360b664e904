import type { DepartmentDto } from '@onewindow/shared';
import { onMounted, ref } from 'vue';
import { api } from '../api';

/** Department names by id, for showing ids the API returns. */
export function useDepartmentNames() {
  const departments = ref<DepartmentDto[]>([]);
  onMounted(async () => {
    departments.value = await api.org.listDepartments();
  });
  const nameOf = (id: string | null | undefined) => departments.value.find((d) => d.id === id)?.name ?? '—';
  return { departments, nameOf };
}
