import type { StaffDto } from '@onewindow/shared';
import { api } from '../api';
import { usePagedSearch } from '@onewindow/web-kit';

/** Staff the user may see (the API limits non-center roles to their department), searchable and paged. */
export const useStaffList = () =>
  usePagedSearch<StaffDto, { departmentId: string }>((query) => api.org.listStaff(query), 20, { departmentId: '' });
