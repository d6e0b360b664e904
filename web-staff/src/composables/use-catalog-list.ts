import type { HandlingKind, MatterListState } from '@onewindow/shared';
import { api } from '../api';
import { usePagedSearch } from '@onewindow/web-kit';

export interface CatalogFilters {
  departmentId: string;
  handlingKind: HandlingKind | '';
  state: MatterListState | '';
}

/** Matters the user may administer (department leads: their department), by name or code, department, kind and state. */
export const useCatalogList = () =>
  usePagedSearch<Awaited<ReturnType<typeof api.catalog.list>>['items'][number], CatalogFilters>(
    ({ handlingKind, state, ...rest }) =>
      api.catalog.list({ ...rest, handlingKind: handlingKind || undefined, state: state || undefined }),
    20,
    { departmentId: '', handlingKind: '', state: '' },
  );
