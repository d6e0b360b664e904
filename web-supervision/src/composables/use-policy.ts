import {
  CLOCK_SUBJECT_LABELS,
  ClockSubjectKind,
  type DeadlinePolicyDto,
  Role,
  warningPolicyFor,
} from '@onewindow/shared';
import { messagesText, notify, reportError } from '@onewindow/web-kit';
import { computed, reactive, ref } from 'vue';
import { api } from '../api';
import { useSessionStore } from '../stores/session';
import { i18n } from '../i18n';

/** Every clock kind, each with its thresholds. */
export const POLICY_KINDS = Object.values(ClockSubjectKind);

/** One row per clock kind: its thresholds under a version, and whether they are the version's default. */
export function thresholdRows(p: DeadlinePolicyDto) {
  return POLICY_KINDS.map((kind) => ({
    kind,
    label: CLOCK_SUBJECT_LABELS[kind],
    ...warningPolicyFor(p, kind),
    own: Boolean(p.byKind[kind]),
  }));
}

/** A version's own per-kind thresholds in one line, e.g. "办理时限 50%/2". */
export function ownThresholdsText(p: DeadlinePolicyDto): string {
  return (
    messagesText(
      (Object.entries(p.byKind) as [ClockSubjectKind, { usedPercent: number; minLeft: number }][]).map(
        ([k, v]) => `${CLOCK_SUBJECT_LABELS[k]} ${v.usedPercent}%/${v.minLeft}`,
      ),
    ) || '—'
  );
}

/**
 * The warning policy's versions; CENTER_ADMIN drafts a proposal (default and per-kind thresholds, a reason),
 * a SUPERVISOR signs it off or rejects it.
 */
export function usePolicy() {
  const session = useSessionStore();
  const versions = ref<DeadlinePolicyDto[]>([]);
  const inForce = computed(() => versions.value.find((v) => v.state === 'IN_FORCE') ?? null);
  const waiting = computed(() => versions.value.find((v) => v.state === 'PROPOSED') ?? null);
  const canPropose = computed(() => session.principal?.roles.includes(Role.CENTER_ADMIN) ?? false);
  const canSign = computed(
    () =>
      (session.principal?.roles.includes(Role.SUPERVISOR) ?? false) &&
      waiting.value !== null &&
      waiting.value.proposedBy !== session.principal?.id,
  );
  const draft = reactive({
    usedPercent: 80,
    minLeft: 1,
    note: '',
    own: {} as Partial<Record<ClockSubjectKind, { on: boolean; usedPercent: number; minLeft: number }>>,
  });
  const decision = reactive({ note: '' });
  const busy = ref(false);

  async function load() {
    versions.value = await api.calendar.policies();
    const base = inForce.value;
    if (base) {
      Object.assign(draft, { usedPercent: base.usedPercent, minLeft: base.minLeft });
      for (const kind of POLICY_KINDS) {
        const own = base.byKind[kind];
        draft.own[kind] = {
          on: Boolean(own),
          usedPercent: own?.usedPercent ?? base.usedPercent,
          minLeft: own?.minLeft ?? base.minLeft,
        };
      }
    }
  }

  async function act(work: () => Promise<unknown>, done: string) {
    busy.value = true;
    try {
      await work();
      notify.success(done);
      await load();
    } catch (e) {
      reportError(e);
    } finally {
      busy.value = false;
    }
  }

  const propose = () =>
    act(() => {
      const byKind = Object.fromEntries(
        POLICY_KINDS.filter((k) => draft.own[k]?.on).map((k) => [
          k,
          { usedPercent: draft.own[k]!.usedPercent, minLeft: draft.own[k]!.minLeft },
        ]),
      );
      return api.calendar.proposePolicy({
        usedPercent: draft.usedPercent,
        minLeft: draft.minLeft,
        byKind,
        note: draft.note,
      });
    }, i18n.global.t('policy.proposedToast'));

  const decide = (approve: boolean) =>
    act(
      () => api.calendar.decidePolicy(waiting.value!.version, { approve, note: decision.note }),
      i18n.global.t(approve ? 'policy.signedToast' : 'policy.rejectedToast'),
    );

  return { versions, inForce, waiting, canPropose, canSign, draft, decision, busy, load, propose, decide };
}
