import { ApiError, type FieldErrors } from '@onewindow/shared';
import { ref } from 'vue';
import { notify, reportError } from './notify';
import { messagesText } from './kit-text';

/**
 * One user action against the server: busy while it runs, a toast when it is done or failed, and the server's
 * field errors kept for the form (`fieldError('items.0.text')` for an Element Plus form item's `error`).
 */
export function useAction() {
  const busy = ref(false);
  const fieldErrors = ref<FieldErrors>({});

  /** Runs `work`; its result, or undefined when it failed (the failure has been shown). */
  async function run<T>(work: () => Promise<T>, options: { success?: string } = {}): Promise<T | undefined> {
    busy.value = true;
    fieldErrors.value = {};
    try {
      const result = await work();
      if (options.success) notify.success(options.success);
      return result;
    } catch (e) {
      if (e instanceof ApiError) fieldErrors.value = e.fieldErrors;
      reportError(e);
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  /** The server's messages for one field, joined, or '' (Element Plus shows a non-empty `error`). */
  const fieldError = (path: string) => messagesText(fieldErrors.value[path]);

  return { busy, fieldErrors, run, fieldError };
}
