import {
  CARD_LEVEL_LABELS,
  CARD_REASON_LABELS,
  CARD_STATE_LABELS,
  isCenterWide,
  type SupervisionEvent,
} from '@onewindow/shared';
import { ElNotification } from 'element-plus';
import { onUnmounted, watch } from 'vue';
import type { Router } from 'vue-router';
import { api } from '../api';
import { useSessionStore } from '../stores/session';
import { i18n } from '../i18n';

/**
 * The words of a pushed event for a notification: a card just issued, a decision on the department's appeal,
 * a new urge; null for what staff need not be told (their own appeal coming back, an answered urge, sweep runs).
 */
export function liveNotice(
  e: SupervisionEvent,
): { title: string; message: string; type: 'success' | 'warning' | 'error'; to: string } | null {
  if (e.type === 'card') {
    const k = e.card;
    const about = `${k.caseNo ?? k.receiptNo ?? ''} ${k.matterName ?? ''}`;
    if (k.state === 'ISSUED')
      return {
        title: `${CARD_LEVEL_LABELS[k.level]}：${CARD_REASON_LABELS[k.reason]}`,
        message: `${about}${k.staffName ? `（${k.staffName}）` : ''}`,
        type: k.level === 'RED' ? 'error' : 'warning',
        to: '/cards',
      };
    if (k.state === 'APPEALED') return null;
    const decision = k.events.at(-1);
    return {
      title: i18n.global.t('cards.appealResult', { state: CARD_STATE_LABELS[k.state] }),
      message: `${CARD_LEVEL_LABELS[k.level]} ${about}${decision ? `。${decision.reason}` : ''}`,
      type: k.state === 'REVOKED' ? 'success' : 'warning',
      to: '/cards',
    };
  }
  if (e.type === 'urge' && e.urge.state === 'OPEN') {
    return {
      title: i18n.global.t('cards.urge'),
      message: `${e.urge.caseNo ?? ''} ${e.urge.matterName}：${e.urge.message}`,
      type: 'error',
      to: '/cards',
    };
  }
  return null;
}

/**
 * Department staff are told at once when their department is given a card or urged (server-sent events;
 * the server sends each only what the user may see). Center-wide users watch the supervision app instead.
 */
export function useLiveCards(router: Router) {
  const session = useSessionStore();
  let close: (() => void) | null = null;
  const stop = () => {
    close?.();
    close = null;
  };
  watch(
    () => session.principal,
    (p) => {
      stop();
      if (!p?.departmentId || isCenterWide(p.roles)) return;
      close = api.supervision.events((e) => {
        const n = liveNotice(e);
        if (!n) return;
        const shown = ElNotification({
          title: n.title,
          message: n.message,
          type: n.type,
          position: 'bottom-right',
          duration: 8000,
          customClass: 'live-card',
          onClick: () => {
            shown.close();
            void router.push(n.to);
          },
        });
      });
    },
    { immediate: true },
  );
  onUnmounted(stop);
}
