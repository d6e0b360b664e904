import { type CatalogFile, type ImportReportDto, saveDownloadedFile, XLSX_MEDIA_TYPE } from '@onewindow/shared';
import { notify, reportError } from '@onewindow/web-kit';
import { computed, ref } from 'vue';
import { api } from '../api';
import { i18n } from '../i18n';

type Picked = { kind: 'json'; file: CatalogFile; name: string } | { kind: 'xlsx'; bytes: ArrayBuffer; name: string };

/**
 * Export the catalog as JSON or Excel; import a file in two steps: a dry run that reports every row,
 * then (only when the whole file is clean) the import itself, which writes drafts.
 */
export function useCatalogTransfer() {
  const picked = ref<Picked | null>(null);
  const report = ref<ImportReportDto | null>(null);
  const busy = ref(false);
  const badRows = computed(() => report.value?.rows.filter((r) => Object.keys(r.errors).length) ?? []);
  const counts = computed(() => {
    const rows = report.value?.rows ?? [];
    return {
      create: rows.filter((r) => r.action === 'CREATE').length,
      draft: rows.filter((r) => r.action === 'DRAFT').length,
      unchanged: rows.filter((r) => r.action === 'UNCHANGED').length,
      bad: badRows.value.length,
    };
  });

  async function exportJson() {
    const file = await api.catalog.exportFile();
    const bytes = new TextEncoder().encode(JSON.stringify(file, null, 2));
    saveDownloadedFile({
      bytes: bytes.buffer as ArrayBuffer,
      mediaType: 'application/json',
      fileName: i18n.global.t('transfer.fileName', { date: file.exportedAt?.slice(0, 10) ?? 'export' }),
    });
  }
  const exportExcel = async () => saveDownloadedFile(await api.catalog.exportWorkbook());

  async function pick(file: File) {
    report.value = null;
    try {
      // By content, not by name: an .xlsx is a zip file and starts with "PK".
      const bytes = await file.arrayBuffer();
      const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
      if (head[0] === 0x50 && head[1] === 0x4b) picked.value = { kind: 'xlsx', bytes, name: file.name };
      else
        picked.value = {
          kind: 'json',
          file: JSON.parse(new TextDecoder().decode(bytes)) as CatalogFile,
          name: file.name,
        };
    } catch {
      picked.value = null;
      notify.error(i18n.global.t('transfer.unreadable'));
      return;
    }
    await run(true);
  }

  async function run(dryRun: boolean) {
    if (!picked.value) return;
    busy.value = true;
    try {
      const p = picked.value;
      report.value =
        p.kind === 'xlsx'
          ? await api.catalog.importWorkbook(p.bytes, dryRun)
          : await api.catalog.importFile(p.file, dryRun);
      if (!dryRun) {
        notify.success(i18n.global.t('transfer.importedToast', { n: report.value.written }));
        picked.value = null;
      }
    } catch (e) {
      reportError(e);
    } finally {
      busy.value = false;
    }
  }

  return {
    picked,
    report,
    busy,
    badRows,
    counts,
    exportJson,
    exportExcel,
    pick,
    confirm: () => run(false),
    xlsxType: XLSX_MEDIA_TYPE,
  };
}
