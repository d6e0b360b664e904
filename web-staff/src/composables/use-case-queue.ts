import { type CaseQueue, type CaseQueueCountsDto, type CaseSummaryDto, type Page } from '@onewindow/shared';
import { reportError } from '@onewindow/web-kit';
import { ref, watch } from 'vue';
import { api } from '../api';

/** The work queues: one tab per queue with its counts, the list sorted by time left. */
export function useCaseQueue(initial: CaseQueue = 'TO_ACCEPT') {
  const queue = ref<CaseQueue>(initial);
  const q = ref('');
  const page = ref(1);
  const result = ref<Page<CaseSummaryDto>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const counts = ref<CaseQueueCountsDto[]>([]);
  const loading = ref(false);

  async function load() {
    loading.value = true;
    try {
      [result.value, counts.value] = await Promise.all([
        api.cases.queue({ queue: queue.value, q: q.value.trim() || undefined, page: page.value }),
        api.cases.counts(),
      ]);
    } catch (e) {
      reportError(e);
    } finally {
      loading.value = false;
    }
  }
  watch([queue, q], () => {
    if (page.value === 1) void load();
    else page.value = 1;
  });
  watch(page, load);
  void load();
  const countOf = (k: CaseQueue) => counts.value.find((c) => c.queue === k);
  return { queue, q, page, result, counts, countOf, loading, reload: load };
}
