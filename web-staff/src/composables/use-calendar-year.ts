import {
  type CalendarChangeDto,
  type CalendarDayDto,
  type CalendarYearDto,
  dayNumber,
  DayKind,
  type ImportCalendarYearRequest,
  Role,
} from '@onewindow/shared';
import { notify, reportError } from '@onewindow/web-kit';
import { computed, ref, watch } from 'vue';
import { api } from '../api';
import { useSessionStore } from '../stores/session';
import { i18n } from '../i18n';

export interface MonthGrid {
  month: number;
  /** Weeks of 7 cells, Monday first; null pads days outside the month. */
  weeks: (CalendarDayDto | null)[][];
}

/** Lays a year's days out as month grids, Monday first (as Chinese calendars print them). */
export function monthGrids(days: CalendarDayDto[]): MonthGrid[] {
  const grids: MonthGrid[] = [];
  for (let month = 1; month <= 12; month++) {
    const inMonth = days.filter((d) => Number(d.date.slice(5, 7)) === month);
    if (!inMonth.length) continue;
    const lead = (((dayNumber(inMonth[0]!.date) + 4) % 7) + 6) % 7; // Monday = 0
    const cells: (CalendarDayDto | null)[] = [...Array(lead).fill(null), ...inMonth];
    while (cells.length % 7) cells.push(null);
    const weeks = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    grids.push({ month, weeks });
  }
  return grids;
}

/** Parses a pasted notice file: `{ notice, specials: [{ date, kind, name }] }`. */
export function parseImport(text: string): ImportCalendarYearRequest {
  const data = JSON.parse(text) as ImportCalendarYearRequest;
  if (typeof data?.notice !== 'string' || !Array.isArray(data.specials))
    throw new Error(i18n.global.t('calendar.jsonShape'));
  return data;
}

export function useCalendarYear(initialYear: number) {
  const session = useSessionStore();
  const year = ref(initialYear);
  const data = ref<CalendarYearDto | null>(null);
  const loading = ref(false);
  const canEdit = computed(() => session.hasRole(Role.CENTER_ADMIN));
  const grids = computed(() => monthGrids(data.value?.days ?? []));
  const counts = computed(() => {
    const c: Record<DayKind, number> = { WORKDAY: 0, REST_DAY: 0, HOLIDAY: 0, MAKEUP_WORKDAY: 0 };
    for (const d of data.value?.days ?? []) c[d.kind]++;
    return c;
  });

  async function load() {
    loading.value = true;
    try {
      data.value = await api.calendar.year(year.value);
    } catch (e) {
      data.value = null;
      reportError(e);
    } finally {
      loading.value = false;
    }
  }

  function report(r: CalendarChangeDto) {
    notify.success(
      r.changedDays
        ? i18n.global.t('calendar.changed', { days: r.changedDays, clocks: r.clocksMoved })
        : i18n.global.t('calendar.unchanged'),
    );
  }

  async function editDay(date: string, kind: DayKind, holidayName: string | null) {
    report(await api.calendar.editDay(date, { kind, holidayName }));
    await load();
  }

  async function importYear(text: string) {
    report(await api.calendar.importYear(year.value, parseImport(text)));
    await load();
  }

  watch(year, load, { immediate: true });
  return { year, data, loading, canEdit, grids, counts, editDay, importYear };
}
