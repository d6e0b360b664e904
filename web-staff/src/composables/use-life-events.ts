import {
  AUDIENCE_LABELS,
  type Audience,
  type FieldErrors,
  type LifeEventContent,
  type LifeEventDto,
  type MatterSummaryDto,
  type PublicLifeEventDto,
} from '@onewindow/shared';
import { useAction } from '@onewindow/web-kit';
import { reactive, ref } from 'vue';
import { api } from '../api';
import { i18n } from '../i18n';

const blank = (): LifeEventContent => ({ name: '', description: '', audience: 'LEGAL_PERSON', matterCodes: [] });

/**
 * 一件事目录 (CENTER_ADMIN): the life events, an editor for one (name, description, audience, its matters chosen from
 * the published catalog), its preview as the portal will show it with what still stops publishing, publish, withdraw.
 */
export function useLifeEvents() {
  const items = ref<LifeEventDto[]>([]);
  const loading = ref(false);
  const editor = reactive({
    open: false,
    id: null as string | null,
    content: blank(),
    preview: null as PublicLifeEventDto | null,
    problems: {} as FieldErrors,
  });
  const matterOptions = ref<MatterSummaryDto[]>([]);
  const action = useAction();

  async function load() {
    loading.value = true;
    try {
      items.value = await api.lifeEvents.list();
    } finally {
      loading.value = false;
    }
  }

  async function searchMatters(q: string) {
    const page = await api.catalog.list({ q: q || undefined, state: 'PUBLISHED', pageSize: 30 });
    // Keep the chosen ones selectable (their labels) while the list changes.
    const chosen = matterOptions.value.filter((m) => editor.content.matterCodes.includes(m.code));
    matterOptions.value = [...chosen, ...page.items.filter((m) => !chosen.some((c) => c.id === m.id))];
  }

  async function refreshPreview() {
    if (!editor.id) return;
    const p = await api.lifeEvents.preview(editor.id);
    editor.preview = p.guide;
    editor.problems = p.fields;
    // Chosen matters the search did not bring keep their names (the select shows a label, not a code).
    for (const m of p.guide.matters)
      if (!matterOptions.value.some((o) => o.code === m.code))
        matterOptions.value.push({
          id: m.code,
          code: m.code,
          name: m.name,
          departmentId: m.departmentId,
          handlingKind: m.handlingKind,
          publishedVersionNo: null,
          draftVersionId: null,
          withdrawn: false,
        });
  }

  async function edit(e: LifeEventDto | null) {
    editor.id = e?.id ?? null;
    editor.content = e ? { ...e.content, matterCodes: [...e.content.matterCodes] } : blank();
    editor.preview = null;
    editor.problems = {};
    action.fieldErrors.value = {};
    editor.open = true;
    await searchMatters('');
    if (e) await refreshPreview();
  }

  async function save() {
    const body = { content: editor.content };
    const out = await action.run(
      () => (editor.id ? api.lifeEvents.save(editor.id, body) : api.lifeEvents.create(body)),
      { success: i18n.global.t('lifeEventAdmin.savedToast') },
    );
    if (!out) return;
    editor.id = out.id;
    await Promise.all([load(), refreshPreview()]);
  }

  async function publish(e: LifeEventDto) {
    if (
      await action.run(() => api.lifeEvents.publish(e.id), {
        success: i18n.global.t('lifeEventAdmin.published', { name: e.content.name }),
      })
    )
      await load();
  }
  async function withdraw(e: LifeEventDto) {
    if (
      await action.run(() => api.lifeEvents.withdraw(e.id), {
        success: i18n.global.t('lifeEventAdmin.withdrawn', { name: e.content.name }),
      })
    )
      await load();
  }

  const audiences = Object.entries(AUDIENCE_LABELS) as [Audience, string][];
  return {
    items,
    loading,
    editor,
    matterOptions,
    action,
    audiences,
    load,
    searchMatters,
    edit,
    save,
    publish,
    withdraw,
  };
}
