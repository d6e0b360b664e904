import {
  type CaseQueue,
  type CaseQueueCountsDto,
  type CaseState,
  type CaseSummaryDto,
  type Page,
} from '@onewindow/shared';
import { reportError } from '@onewindow/web-kit';
import { reactive, ref, watch } from 'vue';
import { api } from '../api';

/** `ALL`: a search over every case of the department (number, applicant, matter, state, received between). */
export type QueueChoice = CaseQueue | 'ALL';

/** The work queues: one tab per queue with its counts, the list sorted by time left; and the search over all. */
export function useCaseQueue(initial: QueueChoice = 'TO_ACCEPT') {
  const queue = ref<QueueChoice>(initial);
  const q = ref('');
  const filter = reactive({ state: '' as CaseState | '', period: null as [string, string] | null });
  const page = ref(1);
  const result = ref<Page<CaseSummaryDto>>({ items: [], total: 0, page: 1, pageSize: 20 });
  const counts = ref<CaseQueueCountsDto[]>([]);
  const loading = ref(false);

  async function load() {
    loading.value = true;
    try {
      [result.value, counts.value] = await Promise.all([
        api.cases.queue({
          queue: queue.value === 'ALL' ? undefined : queue.value,
          q: q.value.trim() || undefined,
          ...(queue.value === 'ALL'
            ? { state: filter.state || undefined, from: filter.period?.[0], to: filter.period?.[1] }
            : {}),
          page: page.value,
        }),
        api.cases.counts(),
      ]);
    } catch (e) {
      reportError(e);
    } finally {
      loading.value = false;
    }
  }
  watch([queue, q, () => filter.state, () => filter.period], () => {
    if (page.value === 1) void load();
    else page.value = 1;
  });
  watch(page, load);
  void load();
  const countOf = (k: CaseQueue) => counts.value.find((c) => c.queue === k);
  return { queue, q, filter, page, result, counts, countOf, loading, reload: load };
}
