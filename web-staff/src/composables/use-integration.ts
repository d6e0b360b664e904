import {
  type ApiClientDto,
  type ApiClientOwnerKind,
  type ApiScope,
  type CreateApiClientRequest,
  type DepartmentDto,
  type WebhookDeliveryDetailDto,
  type WebhookDeliveryDto,
  type WebhookDeliveryStatus,
  type WebhookEndpointDto,
} from '@onewindow/shared';
import { useAction } from '@onewindow/web-kit';
import { reactive, ref } from 'vue';
import { api } from '../api';

const blank = (): CreateApiClientRequest & { ownerKind: ApiClientOwnerKind } => ({
  name: '',
  ownerKind: 'DEPARTMENT',
  departmentId: null,
  scopes: ['cases:read'] as ApiScope[],
  contactName: '',
  contactPhone: '',
  ratePerMinute: 600,
});

/**
 * 应用接入 (CENTER_ADMIN): the machine clients (register, a secret shown once, rotate with an overlap, revoke at
 * once) and every client's webhook subscriptions with their delivery log and a manual redelivery.
 */
export function useIntegration() {
  const clients = ref<ApiClientDto[]>([]);
  const webhooks = ref<WebhookEndpointDto[]>([]);
  const departments = ref<DepartmentDto[]>([]);
  const loading = ref(false);
  const creating = reactive({ open: false, form: blank() });
  const rotating = reactive({ open: false, target: null as ApiClientDto | null, overlapHours: 24 });
  const revoking = reactive({ open: false, target: null as ApiClientDto | null, reason: '' });
  /** The secret just issued, shown once. */
  const issued = reactive({ open: false, client: null as ApiClientDto | null, secret: '' });
  const createAction = useAction();
  const rotateAction = useAction();
  const revokeAction = useAction();
  const webhookAction = useAction();

  const departmentName = (id: string | null) => departments.value.find((d) => d.id === id)?.name ?? '';
  const clientName = (id: string) => clients.value.find((c) => c.id === id)?.name ?? '';

  async function load() {
    loading.value = true;
    try {
      [clients.value, webhooks.value, departments.value] = await Promise.all([
        api.integration.list(),
        api.integration.webhooks(),
        departments.value.length ? departments.value : api.org.listDepartments(),
      ]);
    } finally {
      loading.value = false;
    }
  }

  function startCreate() {
    creating.form = blank();
    createAction.fieldErrors.value = {};
    creating.open = true;
  }

  async function submitCreate(done: string) {
    const f = creating.form;
    const body = { ...f, departmentId: f.ownerKind === 'DEPARTMENT' ? f.departmentId : null };
    const r = await createAction.run(() => api.integration.create(body), { success: done });
    if (!r) return;
    creating.open = false;
    Object.assign(issued, { open: true, client: r.client, secret: r.clientSecret });
    await load();
  }

  function startRotate(c: ApiClientDto) {
    Object.assign(rotating, { open: true, target: c, overlapHours: 24 });
    rotateAction.fieldErrors.value = {};
  }

  async function submitRotate(done: string) {
    const target = rotating.target;
    if (!target) return;
    const r = await rotateAction.run(
      () => api.integration.rotate(target.id, { overlapHours: Number(rotating.overlapHours) }),
      { success: done },
    );
    if (!r) return;
    rotating.open = false;
    Object.assign(issued, { open: true, client: r.client, secret: r.clientSecret });
    await load();
  }

  function startRevoke(c: ApiClientDto) {
    Object.assign(revoking, { open: true, target: c, reason: '' });
    revokeAction.fieldErrors.value = {};
  }

  async function submitRevoke(done: string) {
    const target = revoking.target;
    if (!target) return;
    const ok = await revokeAction.run(() => api.integration.revoke(target.id, { reason: revoking.reason }), {
      success: done,
    });
    if (!ok) return;
    revoking.open = false;
    await load();
  }

  async function setEnabled(w: WebhookEndpointDto, enabled: boolean, done: string) {
    if (await webhookAction.run(() => api.integration.updateWebhook(w.id, { enabled }), { success: done }))
      await load();
  }

  // The delivery log of one subscription, newest first, and one delivery's body and attempts.
  const log = reactive({
    open: false,
    endpoint: null as WebhookEndpointDto | null,
    status: '' as WebhookDeliveryStatus | '',
    page: 1,
    pageSize: 20,
    total: 0,
    items: [] as WebhookDeliveryDto[],
    loading: false,
    detail: null as WebhookDeliveryDetailDto | null,
  });
  const redeliverAction = useAction();

  async function loadLog() {
    const endpoint = log.endpoint;
    if (!endpoint) return;
    log.loading = true;
    try {
      const page = await api.integration.deliveries(endpoint.id, {
        status: log.status || undefined,
        page: log.page,
        pageSize: log.pageSize,
      });
      log.items = page.items;
      log.total = page.total;
    } finally {
      log.loading = false;
    }
  }

  async function openLog(w: WebhookEndpointDto) {
    Object.assign(log, { open: true, endpoint: w, status: '', page: 1, items: [], total: 0, detail: null });
    await loadLog();
  }

  async function filterLog(status: WebhookDeliveryStatus | '') {
    Object.assign(log, { status, page: 1, detail: null });
    await loadLog();
  }

  async function pageLog(page: number) {
    log.page = page;
    await loadLog();
  }

  async function openDelivery(d: WebhookDeliveryDto) {
    log.detail = await api.integration.delivery(d.id);
  }

  async function redeliver(done: string) {
    const d = log.detail;
    if (!d) return;
    const r = await redeliverAction.run(() => api.integration.redeliver(d.id), { success: done });
    if (!r) return;
    log.detail = r;
    await Promise.all([loadLog(), load()]);
  }

  return {
    clients,
    webhooks,
    departments,
    loading,
    creating,
    rotating,
    revoking,
    issued,
    createAction,
    rotateAction,
    revokeAction,
    webhookAction,
    redeliverAction,
    log,
    departmentName,
    clientName,
    load,
    startCreate,
    submitCreate,
    startRotate,
    submitRotate,
    startRevoke,
    submitRevoke,
    setEnabled,
    openLog,
    filterLog,
    pageLog,
    openDelivery,
    redeliver,
  };
}
