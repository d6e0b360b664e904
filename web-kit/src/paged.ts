import type { Page } from '@onewindow/shared';
import { reportError } from './notify';
import { type Ref, ref, watch } from 'vue';

/** A searchable, paged list: a new search text or filter goes back to page 1; errors show as a toast. */
export function usePagedSearch<T, F extends object = Record<string, never>>(
  fetch: (query: { q?: string; page: number; pageSize: number } & Partial<F>) => Promise<Page<T>>,
  pageSize = 20,
  initialFilters: F = {} as F,
) {
  const filters = ref({ ...initialFilters }) as Ref<F>;
  const q = ref('');
  const page = ref(1);
  const result = ref<Page<T>>({ items: [], total: 0, page: 1, pageSize });
  const loading = ref(false);

  async function load() {
    loading.value = true;
    try {
      const set = Object.fromEntries(
        Object.entries(filters.value).filter(([, v]) => v !== '' && v !== null && v !== undefined),
      ) as Partial<F>;
      result.value = await fetch({ ...set, q: q.value.trim() || undefined, page: page.value, pageSize });
    } catch (e) {
      reportError(e);
    } finally {
      loading.value = false;
    }
  }
  watch(page, load);
  const restart = () => {
    if (page.value === 1) void load();
    else page.value = 1;
  };
  watch(q, restart);
  watch(filters, restart, { deep: true });
  void load();
  return { q, page, filters, result, loading, reload: load };
}
