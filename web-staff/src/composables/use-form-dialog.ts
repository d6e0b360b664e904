import { useAction } from '@onewindow/web-kit';
import { type Ref, ref, shallowRef } from 'vue';

/**
 * One create-or-edit dialog: the form, the record being edited (null when creating), and a save that keeps the
 * server's field errors for the form and closes the dialog only when the server took it.
 */
export function useFormDialog<F extends object, R>(options: {
  blank: () => F;
  toForm?: (record: R) => F;
  save: (form: F, editing: R | null) => Promise<unknown>;
  saved?: () => Promise<void> | void;
}) {
  const open = ref(false);
  const editing = shallowRef<R | null>(null);
  const form = ref(options.blank()) as Ref<F>;
  const action = useAction();

  function show(record: R | null, values: F) {
    editing.value = record;
    form.value = values;
    action.fieldErrors.value = {};
    open.value = true;
  }

  const startCreate = () => show(null, options.blank());
  const startEdit = (record: R) => show(record, (options.toForm ?? (() => options.blank()))(record));

  async function submit(success: string) {
    const ok = await action.run(() => options.save(form.value, editing.value).then(() => true), { success });
    if (!ok) return;
    open.value = false;
    await options.saved?.();
  }

  return { open, editing, form, action, err: action.fieldError, startCreate, startEdit, submit };
}
