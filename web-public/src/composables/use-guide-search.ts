import { type Audience, type Page, type PublicMatterHitDto } from '@onewindow/shared';
import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { api } from '../api';

export const THEMES = [
  '开办企业',
  '工程建设',
  '不动产',
  '医疗卫生',
  '安全生产',
  '交通运输',
  '生态环境',
  '社会组织',
  '结婚',
  '就业',
];

/** Splits a name into plain and highlighted parts from the server's [start, end) ranges. */
export function highlightParts(name: string, ranges: [number, number][]): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [s, e] of ranges) {
    if (s > at) parts.push({ text: name.slice(at, s), hit: false });
    parts.push({ text: name.slice(s, e), hit: true });
    at = e;
  }
  if (at < name.length) parts.push({ text: name.slice(at), hit: false });
  return parts;
}

/** The search state lives in the URL, so results can be shared, bookmarked and reloaded. */
export function useGuideSearch() {
  const route = useRoute();
  const router = useRouter();
  const q = ref(String(route.query.q ?? ''));
  const department = computed(() => String(route.query.department ?? ''));
  const audience = computed(() => String(route.query.audience ?? '') as Audience | '');
  const theme = computed(() => String(route.query.theme ?? ''));
  const page = computed(() => Number(route.query.page ?? 1) || 1);
  const result = ref<Page<PublicMatterHitDto> | null>(null);
  const loading = ref(false);
  const failed = ref(false);

  async function load() {
    loading.value = true;
    failed.value = false;
    try {
      result.value = await api.guides.search({
        q: String(route.query.q ?? '') || undefined,
        department: department.value || undefined,
        audience: audience.value || undefined,
        theme: theme.value || undefined,
        page: page.value,
        pageSize: 20,
      });
    } catch {
      failed.value = true;
    } finally {
      loading.value = false;
    }
  }

  function set(patch: Record<string, string | number | undefined>) {
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...route.query, page: undefined, ...patch }))
      if (v !== undefined && v !== '') query[k] = String(v);
    void router.push({ path: '/guides', query });
  }

  watch(
    () => route.fullPath,
    () => {
      if (route.path === '/guides') {
        q.value = String(route.query.q ?? '');
        void load();
      }
    },
    { immediate: true },
  );

  return {
    q,
    department,
    audience,
    theme,
    page,
    result,
    loading,
    failed,
    search: () => set({ q: q.value.trim() }),
    set,
  };
}
