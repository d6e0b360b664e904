import type { BoardDto, CardDto, SupervisionEvent } from '@onewindow/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api';

const LIVE_LIMIT = 50;

/**
 * The live board's state: the board as last read, plus the stream of new cards, urges and sweep runs
 * pushed by the server. Every pushed event (a run, a card, `resync`) re-reads the board's counts; cards go on top
 * of the live list.
 */
export const useAlertsStore = defineStore('alerts', () => {
  const board = ref<BoardDto | null>(null);
  const live = ref<CardDto[]>([]);
  const connected = ref(false);
  let close: (() => void) | null = null;

  async function refresh() {
    board.value = await api.supervision.board();
    if (!live.value.length) live.value = [...board.value.latest];
  }

  function onEvent(e: SupervisionEvent) {
    if (e.type === 'card') {
      live.value = [e.card, ...live.value.filter((c) => c.id !== e.card.id)].slice(0, LIVE_LIMIT);
    } else if (e.type === 'run' && board.value) {
      board.value = { ...board.value, lastRun: e.run };
    }
    rereadSoon();
  }

  // Counts change with every event, and a sweep pushes its run and up to 50 cards at once: the board
  // is read again once the burst is over, not once per event.
  let reread: ReturnType<typeof setTimeout> | undefined;
  function rereadSoon() {
    clearTimeout(reread);
    reread = setTimeout(() => void refresh(), 300);
  }

  // Back after a drop (ours, or the server's own, which it tells with `resync`): what was missed is read again.
  function connect() {
    close ??= api.supervision.events(onEvent, (ok) => {
      if (ok && !connected.value && board.value) rereadSoon();
      connected.value = ok;
    });
  }

  function disconnect() {
    clearTimeout(reread);
    close?.();
    close = null;
    connected.value = false;
  }

  return { board, live, connected, refresh, connect, disconnect };
});
