import {
  type DepartmentDto,
  type ExchangeCaseDto,
  type ExchangeExportDto,
  type PerformanceDto,
  type PerformanceQuery,
  saveDownloadedFile,
} from '@onewindow/shared';
import { notify, reportError } from '@onewindow/web-kit';
import { ref } from 'vue';
import { api } from '../api';
import { i18n } from '../i18n';

/** The performance report for a period (default: the last 8 weeks), its Excel export, and the exchange export. */
export function usePerformance() {
  const report = ref<PerformanceDto | null>(null);
  const departments = ref<DepartmentDto[]>([]);
  const dates = ref<[string, string] | null>(null);
  const departmentId = ref<string | undefined>();
  const loading = ref(false);
  const exporting = ref(false);

  const query = (): PerformanceQuery => ({
    ...(dates.value ? { from: dates.value[0], to: dates.value[1] } : {}),
    departmentId: departmentId.value || undefined,
  });

  async function load() {
    loading.value = true;
    try {
      report.value = await api.supervision.performance(query());
      dates.value ??= [report.value.from, report.value.to];
    } catch (e) {
      reportError(e);
    } finally {
      loading.value = false;
    }
  }

  async function exportExcel() {
    try {
      saveDownloadedFile(await api.supervision.performanceWorkbook(query()));
    } catch (e) {
      reportError(e);
    }
  }

  /** Every page of the exchange for the period, saved as one JSON file for the provincial platform. */
  async function exportExchange(from: string, to: string) {
    exporting.value = true;
    try {
      const first = await api.supervision.exchange({ from, to, page: 1, pageSize: 1000 });
      const cases: ExchangeCaseDto[] = [...first.cases];
      for (let page = 2; cases.length < first.total; page++)
        cases.push(...(await api.supervision.exchange({ from, to, page, pageSize: 1000 })).cases);
      const file: ExchangeExportDto = { ...first, page: 1, pageSize: cases.length, cases };
      saveDownloadedFile({
        fileName: i18n.global.t('rankings.exchangeFile', { from, to }),
        mediaType: 'application/json',
        bytes: new TextEncoder().encode(JSON.stringify(file, null, 2)).buffer as ArrayBuffer,
      });
      notify.success(i18n.global.t('rankings.exported', { n: cases.length }));
    } catch (e) {
      reportError(e);
    } finally {
      exporting.value = false;
    }
  }

  async function init() {
    departments.value = await api.org.listDepartments();
    await load();
  }
  return { report, departments, dates, departmentId, loading, exporting, load, init, exportExcel, exportExchange };
}
