import { api } from '../api';
import { usePagedSearch } from './use-paged-search';

/** Matters the user may administer (department leads: their department), searchable by name or code. */
export const useCatalogList = () => usePagedSearch((query) => api.catalog.list(query));
