import {
  type AdjustmentKind,
  type CaseFeesDto,
  type FeeItemDto,
  LIVE_NOTICE_STATES,
  type PaymentNoticeDto,
  saveDownloadedFile,
} from '@onewindow/shared';
import { reportError, useAction } from '@onewindow/web-kit';
import { computed, reactive, ref } from 'vue';
import { api } from '../api';

/** A line of the assessment form: the item's standard fills the amount; the clerk sets quantity (and amount in a range). */
export interface AssessRow {
  item: FeeItemDto;
  include: boolean;
  quantity: number;
  amountYuan: number;
}

const unitFen = (f: FeeItemDto) =>
  f.standardKind === 'FIXED' ? f.amountFen! : f.standardKind === 'UNIT_PRICE' ? f.unitPriceFen! : f.minFen!;

/** A case's fees on its page: the notice in force, assessing, cancelling, asking for a waiver or refund, downloads. */
export function useCaseFees(caseId: string) {
  const fees = ref<CaseFeesDto | null>(null);
  const rows = ref<AssessRow[]>([]);
  const assessAction = useAction();
  const cancelAction = useAction();
  const adjustAction = useAction();
  const cancelling = reactive({ open: false, reason: '' });
  const adjusting = reactive({ open: false, kind: 'WAIVER' as AdjustmentKind, amountYuan: 0, reason: '', basis: '' });

  const live = computed<PaymentNoticeDto | null>(
    () => fees.value?.notices.find((n) => LIVE_NOTICE_STATES.includes(n.state)) ?? null,
  );
  const history = computed(() => fees.value?.notices.filter((n) => n !== live.value) ?? []);
  const total = computed(() =>
    rows.value.filter((r) => r.include).reduce((s, r) => s + Math.round(r.amountYuan * 100), 0),
  );

  async function load() {
    try {
      fees.value = await api.fees.ofCase(caseId);
      rows.value = fees.value.feeItems.map((item) => ({
        item,
        include: item.standardKind !== 'UNIT_PRICE',
        quantity: 1,
        amountYuan: unitFen(item) / 100,
      }));
    } catch (e) {
      reportError(e);
    }
  }

  /** A unit price or a fixed fee follows the quantity; a range keeps what the clerk typed. */
  function quantityChanged(r: AssessRow) {
    if (r.item.standardKind !== 'RANGE') r.amountYuan = (unitFen(r.item) * r.quantity) / 100;
  }

  async function assess(done: string) {
    const items = rows.value
      .filter((r) => r.include)
      .map((r) => ({ code: r.item.code, quantity: r.quantity, amountFen: Math.round(r.amountYuan * 100) }));
    if (await assessAction.run(() => api.fees.assess(caseId, { items }), { success: done })) await load();
  }

  async function cancel(done: string) {
    const n = live.value;
    if (!n) return;
    if (await cancelAction.run(() => api.fees.cancelNotice(n.id, { reason: cancelling.reason }), { success: done })) {
      cancelling.open = false;
      await load();
    }
  }

  function startAdjust(kind: AdjustmentKind) {
    Object.assign(adjusting, { open: true, kind, amountYuan: 0, reason: '', basis: '' });
    adjustAction.fieldErrors.value = {};
  }

  async function adjust(done: string) {
    const n = live.value;
    if (!n) return;
    const body = {
      kind: adjusting.kind,
      amountFen: Math.round(adjusting.amountYuan * 100),
      reason: adjusting.reason,
      basis: adjusting.basis,
    };
    if (await adjustAction.run(() => api.fees.requestAdjustment(n.id, body), { success: done })) {
      adjusting.open = false;
      await load();
    }
  }

  const downloadNotice = async (id: string) => saveDownloadedFile(await api.fees.noticePdf(id));
  const downloadReceipt = async (id: string) => saveDownloadedFile(await api.fees.receiptPdf(id));

  void load();
  return {
    fees,
    rows,
    live,
    history,
    total,
    assessAction,
    cancelAction,
    adjustAction,
    cancelling,
    adjusting,
    load,
    quantityChanged,
    assess,
    cancel,
    startAdjust,
    adjust,
    downloadNotice,
    downloadReceipt,
  };
}
