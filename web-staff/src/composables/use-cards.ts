import { CARD_REASON_LABELS } from '@onewindow/shared';
import type { CardDto, CardLevel, CardState, UrgeDto } from '@onewindow/shared';
import { notify, reportError } from '@onewindow/web-kit';
import { reactive, ref } from 'vue';
import { api } from '../api';
import { i18n } from '../i18n';

/**
 * The department's cards (or only those issued to me) with the appeal action, and the urges waiting for
 * the department's reply. The server limits both to the caller's department; the page is only for the
 * department's own staff (clerks, approvers, leads), who may appeal and reply.
 */
export function useCards(pageSize = 20) {
  const filters = reactive<{ mine: boolean; level?: CardLevel; state?: CardState; page: number }>({
    mine: false,
    page: 1,
  });
  const items = ref<CardDto[]>([]);
  const total = ref(0);
  const urges = ref<UrgeDto[]>([]);
  const loading = ref(false);

  async function load() {
    loading.value = true;
    try {
      const [page, open] = await Promise.all([
        api.supervision.cards({
          mine: filters.mine || undefined,
          level: filters.level,
          state: filters.state,
          page: filters.page,
          pageSize,
        }),
        api.supervision.urges({ open: true }),
      ]);
      items.value = page.items;
      total.value = page.total;
      urges.value = open;
    } catch (e) {
      reportError(e);
    } finally {
      loading.value = false;
    }
  }

  /** The dialog for one card's appeal or one urge's reply: what it is about and the text being written. */
  const answer = reactive<{
    open: boolean;
    kind: 'appeal' | 'reply';
    id: string;
    about: string;
    text: string;
    busy: boolean;
  }>({ open: false, kind: 'appeal', id: '', about: '', text: '', busy: false });
  function startAppeal(card: CardDto) {
    Object.assign(answer, {
      open: true,
      kind: 'appeal',
      id: card.id,
      about: `${CARD_REASON_LABELS[card.reason]}：${card.caseNo ?? card.receiptNo ?? ''} ${card.matterName ?? ''}`,
      text: '',
    });
  }
  function startReply(urge: UrgeDto) {
    Object.assign(answer, {
      open: true,
      kind: 'reply',
      id: urge.id,
      about: `${urge.caseNo ?? ''} ${urge.matterName}：${urge.message}`,
      text: '',
    });
  }
  async function submitAnswer() {
    answer.busy = true;
    try {
      if (answer.kind === 'appeal') await api.supervision.appeal(answer.id, { reason: answer.text });
      else await api.supervision.reply(answer.id, { reply: answer.text });
      notify.success(i18n.global.t(answer.kind === 'appeal' ? 'cards.appealed' : 'cards.replied'));
      answer.open = false;
      await load();
    } catch (e) {
      reportError(e);
    } finally {
      answer.busy = false;
    }
  }

  function search() {
    filters.page = 1;
    void load();
  }
  return { filters, items, total, urges, loading, answer, load, search, startAppeal, startReply, submitAnswer };
}
