import type { Page, StaffDto } from '@onewindow/shared';
import { ElMessage } from 'element-plus';
import { ref, watch } from 'vue';
import { api } from '../api';

/** Staff the user may see (the API limits non-center roles to their department), searchable and paged. */
export function useStaffList() {
  const q = ref('');
  const page = ref(1);
  const result = ref<Page<StaffDto>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const loading = ref(false);

  async function load() {
    loading.value = true;
    try {
      result.value = await api.org.listStaff({ q: q.value.trim() || undefined, page: page.value, pageSize: 20 });
    } catch (e) {
      ElMessage.error((e as Error).message);
    } finally {
      loading.value = false;
    }
  }
  watch(page, load);
  watch(q, () => {
    page.value = 1;
    void load();
  });
  void load();
  return { q, page, result, loading };
}
