import type { MatterSummaryDto, Page } from '@onewindow/shared';
import { ElMessage } from 'element-plus';
import { ref, watch } from 'vue';
import { api } from '../api';

/** Matters the user may administer (department leads: their department), searchable by name or code. */
export function useCatalogList() {
  const q = ref('');
  const page = ref(1);
  const result = ref<Page<MatterSummaryDto>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const loading = ref(false);
  async function load() {
    loading.value = true;
    try {
      result.value = await api.catalog.list({ q: q.value.trim() || undefined, page: page.value, pageSize: 20 });
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
