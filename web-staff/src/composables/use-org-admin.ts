import {
  type CreateDepartmentRequest,
  type CreateServiceWindowRequest,
  type DepartmentDto,
  Role,
  type ServiceWindowDto,
  type StaffDto,
  WindowKind,
} from '@onewindow/shared';
import { useAction } from '@onewindow/web-kit';
import { computed, onMounted, ref, watch } from 'vue';
import { api } from '../api';
import { useFormDialog } from './use-form-dialog';

/** 部门 for CENTER_ADMIN: the list with inactive ones, create, edit, and switching a department off and on. */
export function useDepartmentAdmin() {
  const departments = ref<DepartmentDto[]>([]);
  const loading = ref(false);
  async function load() {
    loading.value = true;
    try {
      departments.value = await api.org.listDepartments();
    } finally {
      loading.value = false;
    }
  }
  onMounted(load);

  const editor = useFormDialog<CreateDepartmentRequest, DepartmentDto>({
    blank: () => ({ code: '', name: '', shortName: '', creditCode: '', parentId: null, sortOrder: 0 }),
    toForm: (d) => ({ ...d }),
    save: (f, editing) =>
      editing
        ? api.org.updateDepartment(editing.id, {
            name: f.name,
            shortName: f.shortName,
            creditCode: f.creditCode,
            parentId: f.parentId || null,
            sortOrder: f.sortOrder,
          })
        : api.org.createDepartment({ ...f, parentId: f.parentId || null }),
    saved: load,
  });

  const toggle = useAction();
  async function setActive(d: DepartmentDto, active: boolean, success: string) {
    if (await toggle.run(() => api.org.updateDepartment(d.id, { active }), { success })) await load();
  }
  const nameOf = (id: string | null | undefined) => departments.value.find((d) => d.id === id)?.name ?? '—';
  return { departments, loading, editor, toggle, setActive, nameOf, load };
}

/** 窗口 for CENTER_ADMIN: every window of the hall with its department and kind; create, edit, switch off and on. */
export function useWindowAdmin() {
  const windows = ref<ServiceWindowDto[]>([]);
  const loading = ref(false);
  async function load() {
    loading.value = true;
    try {
      windows.value = await api.org.listWindows();
    } finally {
      loading.value = false;
    }
  }
  onMounted(load);

  const editor = useFormDialog<CreateServiceWindowRequest, ServiceWindowDto>({
    blank: () => ({ number: '', name: '', departmentId: '', kind: WindowKind.DEPARTMENT }),
    toForm: (w) => ({ number: w.number, name: w.name, departmentId: w.departmentId, kind: w.kind }),
    save: (f, editing) =>
      editing
        ? api.org.updateWindow(editing.id, { name: f.name, departmentId: f.departmentId, kind: f.kind })
        : api.org.createWindow(f),
    saved: load,
  });

  const toggle = useAction();
  async function setActive(w: ServiceWindowDto, active: boolean, success: string) {
    if (await toggle.run(() => api.org.updateWindow(w.id, { active }), { success })) await load();
  }
  return { windows, loading, editor, toggle, setActive };
}

export interface StaffForm {
  login: string;
  name: string;
  password: string;
  departmentId: string;
  windowId: string | null;
  roles: Role[];
  backupStaffId: string | null;
}

/**
 * 工作人员: create with an initial password, edit roles, department, window and the AB-post backup, reset a password
 * (which also lifts a lock), mark away, switch off and on. Windows and backups offered are those of the chosen
 * department, as the server requires.
 */
export function useStaffAdmin(reload: () => Promise<void>) {
  const windows = ref<ServiceWindowDto[]>([]);
  const colleagues = ref<StaffDto[]>([]);
  onMounted(async () => {
    windows.value = await api.org.listWindows();
  });

  const editor = useFormDialog<StaffForm, StaffDto>({
    blank: () => ({
      login: '',
      name: '',
      password: '',
      departmentId: '',
      windowId: null,
      roles: [Role.CLERK],
      backupStaffId: null,
    }),
    toForm: (s) => ({
      login: s.login,
      name: s.name,
      password: '',
      departmentId: s.departmentId,
      windowId: s.windowId,
      roles: [...s.roles],
      backupStaffId: s.backupStaffId,
    }),
    save: (f, editing) => {
      const placement = {
        name: f.name,
        departmentId: f.departmentId,
        windowId: f.windowId || null,
        roles: f.roles,
        backupStaffId: f.backupStaffId || null,
      };
      return editing
        ? api.org.updateStaff(editing.id, placement)
        : api.org.createStaff({ ...placement, login: f.login, password: f.password });
    },
    saved: reload,
  });

  const departmentId = computed(() => editor.form.value.departmentId);
  const windowsOfDepartment = computed(() =>
    windows.value.filter(
      (w) => w.active && (w.departmentId === departmentId.value || w.kind === WindowKind.COMPREHENSIVE),
    ),
  );
  const backups = computed(() => colleagues.value.filter((s) => s.active && s.id !== editor.editing.value?.id));
  watch(departmentId, async (id, before) => {
    if (before !== undefined && before !== '' && id !== before) {
      editor.form.value.windowId = null;
      editor.form.value.backupStaffId = null;
    }
    colleagues.value = id ? (await api.org.listStaff({ departmentId: id, pageSize: 200 })).items : [];
  });

  const password = useFormDialog<{ newPassword: string }, StaffDto>({
    blank: () => ({ newPassword: '' }),
    save: (f, editing) => api.org.resetStaffPassword(editing!.id, f),
    saved: reload,
  });

  const toggle = useAction();
  async function change(work: () => Promise<unknown>, success: string) {
    if (await toggle.run(() => work().then(() => true), { success })) await reload();
  }
  const setActive = (s: StaffDto, active: boolean, success: string) =>
    change(() => api.org.updateStaff(s.id, { active }), success);
  const setAway = (s: StaffDto, away: boolean, success: string) =>
    change(() => api.org.setStaffAway(s.id, away), success);

  const windowOf = (id: string | null) => windows.value.find((w) => w.id === id);
  return { editor, password, toggle, setActive, setAway, windowsOfDepartment, backups, windowOf };
}
