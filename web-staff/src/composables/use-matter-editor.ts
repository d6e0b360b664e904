import {
  type CoDepartmentSpec,
  type FeeItemDto,
  type MaterialSpec,
  type MatterContent,
  type MatterType,
  type MatterVersionDto,
  Role,
  type ServiceWindowDto,
  type SpecialProcedureSpec,
} from '@onewindow/shared';
import { fileUpload, messagesText, notify, reportError, useAction } from '@onewindow/web-kit';
import { computed, ref } from 'vue';
import { api } from '../api';
import { useSessionStore } from '../stores/session';
import { i18n } from '../i18n';

export const emptyMaterial = (): MaterialSpec => ({
  name: '',
  form: 'ORIGINAL',
  copies: 1,
  required: true,
  deferrable: false,
});
export const emptyCoDepartment = (): CoDepartmentSpec => ({
  departmentId: '',
  subtaskLimit: { value: 5, unit: 'WORKING_DAY' },
  silenceIsConsent: false,
});
export const emptySpecialProcedure = (): SpecialProcedureSpec => ({ kind: 'EXPERT_REVIEW', countsTowardLimit: false });

/** A new matter's first draft: the name, type and department chosen, the rest to fill in the editor. */
export const blankMatterContent = (name: string, matterType: MatterType, departmentId: string): MatterContent => ({
  name,
  matterType,
  departmentId,
  windowId: null,
  audience: 'BOTH',
  themes: [],
  lifeEvents: [],
  keywords: [],
  description: '',
  legalBasis: '',
  acceptanceConditions: '',
  materials: [emptyMaterial()],
  procedure: ['申请', '受理', '审查', '决定', '送达'],
  statutoryLimit: { value: 20, unit: 'WORKING_DAY' },
  promisedLimit: { value: 10, unit: 'WORKING_DAY' },
  greenChannelLimit: null,
  handlingKind: 'PROMISED',
  coDepartments: [],
  feeItemCodes: [],
  visitsOnSite: 1,
  specialProcedures: [],
  onlineAvailable: true,
  contactPhone: '',
  complaintPhone: '12345',
});

/**
 * One matter's versions and the editing of its draft: save, check and publish, with the server's
 * field errors kept by path (`materials.0.name`) for the form to show beside each field.
 */
export function useMatterEditor(matterId: string) {
  const session = useSessionStore();
  const versions = ref<MatterVersionDto[]>([]);
  const current = ref<MatterVersionDto | null>(null);
  const form = ref<MatterContent | null>(null);
  const { busy, fieldErrors, run: act } = useAction();
  const feeItems = ref<FeeItemDto[]>([]);
  const windows = ref<ServiceWindowDto[]>([]);
  const canPublish = computed(() => session.hasRole(Role.CENTER_ADMIN));
  const editable = computed(() => current.value?.status === 'DRAFT');
  const published = computed(() => versions.value.find((v) => v.status === 'PUBLISHED') ?? null);

  async function load() {
    versions.value = await api.catalog.versions(matterId);
    current.value = versions.value.find((v) => v.status === 'DRAFT') ?? versions.value[0] ?? null;
    // A plain deep copy (structuredClone cannot copy a reactive proxy).
    form.value = current.value ? (JSON.parse(JSON.stringify(current.value.content)) as MatterContent) : null;
    fieldErrors.value = {};
    if (!feeItems.value.length)
      [feeItems.value, windows.value] = await Promise.all([api.fees.items(), api.org.listWindows()]);
  }

  const run = async (work: () => Promise<unknown>, done: string) =>
    (await act(async () => (await work(), true), { success: done })) ?? false;

  /** Saves the draft; the version list (and the changes shown against the version before) takes what was saved. */
  const save = () =>
    run(async () => {
      const saved = await api.catalog.saveDraft(current.value!.id, form.value!);
      versions.value = versions.value.map((v) => (v.id === saved.id ? saved : v));
      current.value = saved;
    }, i18n.global.t('catalog.draftSaved'));
  async function check() {
    if (!(await save())) return;
    const r = await api.catalog.check(current.value!.id);
    fieldErrors.value = r.fields;
    if (r.ok) notify.success(i18n.global.t('catalog.checkPassed'));
    else notify.warning(i18n.global.t('catalog.checkFailed', { n: Object.keys(r.fields).length }));
  }
  async function publish() {
    if (!(await save())) return;
    if (await run(() => api.catalog.publish(current.value!.id), i18n.global.t('catalog.publishedToast'))) await load();
  }
  async function cloneToDraft() {
    if (await run(() => api.catalog.cloneToDraft(current.value!.id), i18n.global.t('catalog.clonedToast')))
      await load();
  }
  async function withdraw() {
    if (await run(() => api.catalog.withdraw(matterId), i18n.global.t('catalog.withdrawnToast'))) await load();
  }
  const errorFor = (path: string) => messagesText(fieldErrors.value[path]);

  /** Uploads a blank form or sample and attaches it to the material; saved with the draft. */
  async function attach(material: MaterialSpec, key: 'blankForm' | 'sample', file: File) {
    busy.value = true;
    try {
      const stored = await api.catalog.uploadAttachment(fileUpload(file));
      material[key] = { fileId: stored.id, fileName: stored.fileName };
      notify.success(i18n.global.t('catalog.uploadedToast', { name: stored.fileName }));
    } catch (e) {
      reportError(e);
    } finally {
      busy.value = false;
    }
  }

  void load();
  return {
    versions,
    current,
    form,
    feeItems,
    windows,
    busy,
    canPublish,
    editable,
    published,
    save,
    check,
    publish,
    cloneToDraft,
    withdraw,
    errorFor,
    attach,
  };
}
