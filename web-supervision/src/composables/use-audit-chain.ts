import type { AuditEntryDto, AuditVerifyResult, Page } from '@onewindow/shared';
import { reportError } from '@onewindow/web-kit';
import { ref, watch } from 'vue';
import { api } from '../api';

/** The audit log, newest first, and the verification of its hash chain. */
export function useAuditChain(pageSize = 30) {
  const page = ref(1);
  const result = ref<Page<AuditEntryDto>>({ items: [], total: 0, page: 1, pageSize });
  const verification = ref<AuditVerifyResult | null>(null);
  const verifying = ref(false);

  async function load() {
    try {
      result.value = await api.audit.list({ page: page.value, pageSize });
    } catch (e) {
      reportError(e);
    }
  }
  async function verify() {
    verifying.value = true;
    try {
      verification.value = await api.audit.verify();
    } catch (e) {
      reportError(e);
    } finally {
      verifying.value = false;
    }
  }
  watch(page, load);
  void load();
  return { page, result, verification, verifying, verify };
}
