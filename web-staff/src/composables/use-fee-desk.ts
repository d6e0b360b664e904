import {
  type AdjustmentState,
  dateOfDay,
  type DifferenceKind,
  type FeeAdjustmentDto,
  type FeeTotalsDto,
  type FeeTotalsGroup,
  type PaymentNoticeDto,
  type ReceiptBookDto,
  type ReceiptBookUsageDto,
  type ReconciliationDto,
  type ReconciliationItemDto,
  saveDownloadedFile,
  shanghaiDay,
} from '@onewindow/shared';
import { fileUpload, reportError, useAction } from '@onewindow/web-kit';
import { reactive, ref } from 'vue';
import { api } from '../api';

const today = () => dateOfDay(shanghaiDay(new Date()));

/** 统一收费 desk: the counter's search, the day's payments, waivers and refunds, receipt books, reconciliation, totals. */
export function useFeeDesk() {
  // 收费台: find a notice by its code or a case's number.
  const search = reactive({ text: '', results: [] as PaymentNoticeDto[], searched: false });
  const searchAction = useAction();
  async function find() {
    const text = search.text.replace(/\s/g, '');
    if (!text) return;
    const query = /^\d{20}$/.test(text) ? { paymentCode: text } : { caseNo: text };
    const page = await searchAction.run(() => api.fees.notices(query));
    if (page) Object.assign(search, { results: page.items, searched: true });
  }

  // 当日缴款
  const day = reactive({ date: today(), items: [] as PaymentNoticeDto[], total: 0 });
  async function loadDay() {
    try {
      const page = await api.fees.payments({ date: day.date, pageSize: 200 });
      Object.assign(day, { items: page.items, total: page.total });
    } catch (e) {
      reportError(e);
    }
  }

  // 减免退费
  const adjustments = reactive({ state: 'REQUESTED' as AdjustmentState | '', items: [] as FeeAdjustmentDto[] });
  const decideAction = useAction();
  const deciding = reactive({ open: false, target: null as FeeAdjustmentDto | null, approve: true, note: '' });
  async function loadAdjustments() {
    try {
      adjustments.items = (await api.fees.adjustments({ state: adjustments.state || undefined, pageSize: 200 })).items;
    } catch (e) {
      reportError(e);
    }
  }
  function startDecide(a: FeeAdjustmentDto, approve: boolean) {
    Object.assign(deciding, { open: true, target: a, approve, note: '' });
  }
  async function decide(done: string) {
    const a = deciding.target;
    if (!a) return;
    const ok = await decideAction.run(
      () => api.fees.decideAdjustment(a.id, { approve: deciding.approve, note: deciding.note }),
      { success: done },
    );
    if (ok) {
      deciding.open = false;
      await loadAdjustments();
    }
  }

  // 票据
  const books = ref<ReceiptBookDto[]>([]);
  const usage = ref<ReceiptBookUsageDto | null>(null);
  const bookAction = useAction();
  const registering = reactive({ open: false, series: '', firstNo: 1, lastNo: 1000, issuedOn: today() });
  const voidAction = useAction();
  const voiding = reactive({ open: false, receiptId: '' as string | null, reason: '' });
  async function loadBooks() {
    try {
      books.value = await api.fees.books();
    } catch (e) {
      reportError(e);
    }
  }
  async function openUsage(id: string) {
    try {
      usage.value = await api.fees.bookUsage(id);
    } catch (e) {
      reportError(e);
    }
  }
  async function register(done: string) {
    const { series, firstNo, lastNo, issuedOn } = registering;
    if (await bookAction.run(() => api.fees.registerBook({ series, firstNo, lastNo, issuedOn }), { success: done })) {
      registering.open = false;
      await loadBooks();
    }
  }
  /** Voids an issued receipt (it is reissued under the next number), or spoils the next blank one (no id). */
  function startVoid(receiptId: string | null) {
    Object.assign(voiding, { open: true, receiptId, reason: '' });
  }
  async function submitVoid(done: string) {
    const id = voiding.receiptId;
    const work = async (): Promise<unknown> =>
      id ? api.fees.voidReceipt(id, { reason: voiding.reason }) : api.fees.spoil({ reason: voiding.reason });
    if (await voidAction.run(work, { success: done })) {
      voiding.open = false;
      await loadBooks();
      if (usage.value) await openUsage(usage.value.book.id);
    }
  }

  // 对账
  const statements = ref<ReconciliationDto[]>([]);
  const importing = reactive({ date: today(), txnColumn: '', amountColumn: '', paidAtColumn: '', codeColumn: '' });
  const importAction = useAction();
  const current = ref<ReconciliationDto | null>(null);
  const differences = reactive({ kind: '' as DifferenceKind | '', open: true, items: [] as ReconciliationItemDto[] });
  const resolveAction = useAction();
  const resolving = reactive({ open: false, target: null as ReconciliationItemDto | null, note: '' });
  async function loadStatements() {
    try {
      statements.value = (await api.fees.reconciliations({ pageSize: 60 })).items;
    } catch (e) {
      reportError(e);
    }
  }
  async function importFile(file: File, done: string) {
    const columns = Object.fromEntries(
      Object.entries({
        txnColumn: importing.txnColumn,
        amountColumn: importing.amountColumn,
        paidAtColumn: importing.paidAtColumn,
        codeColumn: importing.codeColumn,
      }).filter(([, v]) => v.trim()),
    );
    const upload = fileUpload(file);
    if (file.name.toLowerCase().endsWith('.csv')) upload.mediaType = 'text/csv';
    const r = await importAction.run(() => api.fees.importStatement(importing.date, upload, columns), {
      success: done,
    });
    if (r) {
      await loadStatements();
      await openStatement(r);
    }
  }
  async function openStatement(s: ReconciliationDto) {
    current.value = s;
    await loadDifferences();
  }
  async function loadDifferences() {
    const s = current.value;
    if (!s) return;
    try {
      current.value = await api.fees.reconciliation(s.id);
      differences.items = (
        await api.fees.differences(s.id, {
          kind: differences.kind || undefined,
          open: differences.open,
          pageSize: 200,
        })
      ).items;
    } catch (e) {
      reportError(e);
    }
  }
  function startResolve(i: ReconciliationItemDto) {
    Object.assign(resolving, { open: true, target: i, note: '' });
  }
  async function resolve(done: string) {
    const i = resolving.target;
    if (!i) return;
    if (await resolveAction.run(() => api.fees.resolveDifference(i.id, { note: resolving.note }), { success: done })) {
      resolving.open = false;
      await loadDifferences();
      await loadStatements();
    }
  }
  async function exportStatement() {
    if (current.value) saveDownloadedFile(await api.fees.reconciliationWorkbook(current.value.id));
  }

  // 收费汇总
  const totalsQuery = reactive({
    from: today().slice(0, 8) + '01',
    to: today(),
    by: 'DEPARTMENT' as FeeTotalsGroup,
    period: 'DAY' as 'DAY' | 'MONTH',
  });
  const totals = ref<FeeTotalsDto | null>(null);
  async function loadTotals() {
    try {
      totals.value = await api.fees.totals({ ...totalsQuery });
    } catch (e) {
      reportError(e);
    }
  }
  async function exportTotals() {
    try {
      saveDownloadedFile(await api.fees.totalsWorkbook({ ...totalsQuery }));
    } catch (e) {
      reportError(e);
    }
  }

  const downloadNotice = async (id: string) => saveDownloadedFile(await api.fees.noticePdf(id));
  const downloadReceipt = async (id: string) => saveDownloadedFile(await api.fees.receiptPdf(id));

  return {
    search,
    searchAction,
    find,
    day,
    loadDay,
    adjustments,
    deciding,
    decideAction,
    loadAdjustments,
    startDecide,
    decide,
    books,
    usage,
    registering,
    bookAction,
    voiding,
    voidAction,
    loadBooks,
    openUsage,
    register,
    startVoid,
    submitVoid,
    statements,
    importing,
    importAction,
    current,
    differences,
    resolving,
    resolveAction,
    loadStatements,
    importFile,
    openStatement,
    loadDifferences,
    startResolve,
    resolve,
    exportStatement,
    totalsQuery,
    totals,
    loadTotals,
    exportTotals,
    downloadNotice,
    downloadReceipt,
  };
}
