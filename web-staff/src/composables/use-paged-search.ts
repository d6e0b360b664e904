import type { Page } from '@onewindow/shared';
import { ElMessage } from 'element-plus';
import { ref, watch } from 'vue';

/** A searchable, paged list: a new search text goes back to page 1; errors show as a toast. */
export function usePagedSearch<T>(fetch: (query: { q?: string; page: number; pageSize: number }) => Promise<Page<T>>, pageSize = 20) {
  const q = ref('');
  const page = ref(1);
  const result = ref<Page<T>>({ items: [], total: 0, page: 1, pageSize });
  const loading = ref(false);

  async function load() {
    loading.value = true;
    try {
      result.value = await fetch({ q: q.value.trim() || undefined, page: page.value, pageSize });
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
  return { q, page, result, loading, reload: load };
}
