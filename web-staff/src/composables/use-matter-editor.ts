import { ApiError, type FeeItemDto, type FieldErrors, type MaterialSpec, type MatterContent, type MatterVersionDto, Role } from '@onewindow/shared';
import { ElMessage } from 'element-plus';
import { computed, ref } from 'vue';
import { api } from '../api';
import { useSessionStore } from '../stores/session';

export const emptyMaterial = (): MaterialSpec => ({ name: '', form: 'ORIGINAL', copies: 1, required: true, deferrable: false });

/**
 * One matter's versions and the editing of its draft: save, check and publish, with the server's
 * field errors kept by path (`materials.0.name`) for the form to show beside each field.
 */
export function useMatterEditor(matterId: string) {
  const session = useSessionStore();
  const versions = ref<MatterVersionDto[]>([]);
  const current = ref<MatterVersionDto | null>(null);
  const form = ref<MatterContent | null>(null);
  const fieldErrors = ref<FieldErrors>({});
  const feeItems = ref<FeeItemDto[]>([]);
  const busy = ref(false);
  const canPublish = computed(() => session.hasRole(Role.CENTER_ADMIN));
  const editable = computed(() => current.value?.status === 'DRAFT');
  const published = computed(() => versions.value.find((v) => v.status === 'PUBLISHED') ?? null);

  async function load() {
    versions.value = await api.catalog.versions(matterId);
    current.value = versions.value.find((v) => v.status === 'DRAFT') ?? versions.value[0] ?? null;
    // A plain deep copy (structuredClone cannot copy a reactive proxy).
    form.value = current.value ? (JSON.parse(JSON.stringify(current.value.content)) as MatterContent) : null;
    fieldErrors.value = {};
    if (!feeItems.value.length) feeItems.value = await api.fees.items();
  }

  async function run(action: () => Promise<unknown>, done: string) {
    busy.value = true;
    try {
      await action();
      ElMessage.success(done);
      return true;
    } catch (e) {
      if (e instanceof ApiError) {
        fieldErrors.value = e.fieldErrors;
        ElMessage.error(e.message);
      } else throw e;
      return false;
    } finally {
      busy.value = false;
    }
  }

  const save = () => run(() => api.catalog.saveDraft(current.value!.id, form.value!), '草稿已保存');
  async function check() {
    if (!(await save())) return;
    const r = await api.catalog.check(current.value!.id);
    fieldErrors.value = r.fields;
    if (r.ok) ElMessage.success('检查通过，可以发布');
    else ElMessage.warning(`有 ${Object.keys(r.fields).length} 处需要修改`);
  }
  async function publish() {
    if (!(await save())) return;
    if (await run(() => api.catalog.publish(current.value!.id), '已发布：办事指南已更新')) await load();
  }
  async function cloneToDraft() {
    if (await run(() => api.catalog.cloneToDraft(current.value!.id), '已复制为新草稿')) await load();
  }
  async function withdraw() {
    if (await run(() => api.catalog.withdraw(matterId), '已撤回，停止受理新申请')) await load();
  }
  const errorFor = (path: string) => fieldErrors.value[path]?.join('；') ?? '';

  void load();
  return { versions, current, form, feeItems, busy, canPublish, editable, published, save, check, publish, cloneToDraft, withdraw, errorFor };
}
