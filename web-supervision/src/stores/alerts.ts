import type { BoardDto, CardDto, SupervisionEvent, SweepRunDto } from '@onewindow/shared';
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api';

const LIVE_LIMIT = 50;

/**
 * The live board's state: the board as last read, plus the stream of new cards, urges and sweep runs
 * pushed by the server. A pushed run re-reads the board's counts; cards go on top of the live list.
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
      board.value = { ...board.value, lastRun: e.run as SweepRunDto };
    }
    // Counts change with every event: read them again (cheap, one request).
    void api.supervision.board().then((b) => (board.value = b));
  }

  function connect() {
    close ??= api.supervision.events(onEvent, (ok) => (connected.value = ok));
  }

  function disconnect() {
    close?.();
    close = null;
    connected.value = false;
  }

  return { board, live, connected, refresh, connect, disconnect };
});
