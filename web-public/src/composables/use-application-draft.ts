import {
  ApiError,
  type ApplicantKind,
  applicantToSend,
  blankApplicant,
  type CaseApplicantInput,
  type CaseMaterialStatus,
  type FileUpload,
} from '@onewindow/shared';
import { fileUpload } from '@onewindow/web-kit';
import { nextTick, type Ref, ref } from 'vue';

/** What an application (one case, or a bundle of them) gives the draft form and takes from it. */
export interface DraftSource<D> {
  kind: ApplicantKind;
  read: () => Promise<D>;
  /** The answer of an action is the application itself (then it replaces the one shown). */
  isDoc: (out: unknown) => out is D;
  /** Who the application names so far, and its project code. */
  applicantOf: (d: D) => {
    kind: CaseApplicantInput['kind'];
    name: string;
    idNumber?: string;
    contactName: string;
    phone: string;
    projectCode: string | null;
  };
  /** Its listed materials (or items of the combined form) by index, with what is said of each. */
  materialsOf: (d: D) => { index: number; status: CaseMaterialStatus }[];
  saveDraft: (body: {
    applicant: CaseApplicantInput;
    materials: { index: number; status: CaseMaterialStatus }[];
  }) => Promise<D>;
  upload: (index: number, file: FileUpload) => Promise<unknown>;
  submit: () => Promise<D>;
}

/**
 * An applicant's draft on the portal: the applicant form (filled from what the application already says), the 容缺
 * ticks, uploads, save and send; every action shows its refusal in place (`error`, `fieldErrors`) and refreshes the
 * application from its answer or by reading it again.
 */
export function useApplicationDraft<D>(src: DraftSource<D>) {
  const doc = ref<D | null>(null) as Ref<D | null>;
  const applicant = ref<CaseApplicantInput>(blankApplicant(src.kind));
  const deferred = ref<Set<number>>(new Set());
  const fieldErrors = ref<Record<string, string[]>>({});
  const error = ref('');
  const busy = ref(false);

  async function load() {
    const d = await src.read();
    doc.value = d;
    const named = src.applicantOf(d);
    // What the draft holds fills what the form has not: the server starts it from the account, and gives the
    // applicant's own draft back with ID and phone in full, so a reload never empties them.
    const fresh = !applicant.value.name && !applicant.value.idNumber;
    applicant.value = {
      ...applicant.value,
      kind: fresh ? named.kind : applicant.value.kind,
      name: applicant.value.name || named.name,
      idNumber: applicant.value.idNumber || named.idNumber || '',
      contactName: applicant.value.contactName || named.contactName,
      phone: applicant.value.phone || (/^\d{11}$/.test(named.phone) ? named.phone : ''),
      projectCode: applicant.value.projectCode || named.projectCode || '',
    };
    deferred.value = new Set(
      src
        .materialsOf(d)
        .filter((m) => m.status === 'DEFERRED')
        .map((m) => m.index),
    );
  }

  async function run(work: () => Promise<unknown>) {
    busy.value = true;
    error.value = '';
    fieldErrors.value = {};
    try {
      const out = await work();
      if (src.isDoc(out)) doc.value = out;
      else await load();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      error.value = e.message;
      fieldErrors.value = e.fieldErrors;
      void showFirstProblem();
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** The button is at the bottom and the message at the top: go to the first field marked wrong (else the message). */
  async function showFirstProblem() {
    await nextTick();
    if (typeof document === 'undefined') return;
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    const target = field ?? document.querySelector<HTMLElement>('[role="alert"]');
    target?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    field?.focus({ preventScroll: true });
  }

  const save = () =>
    run(() =>
      src.saveDraft({
        applicant: applicantToSend(applicant.value),
        // Every material: 容缺 where ticked, otherwise provided by its upload (or missing until then).
        materials: (doc.value ? src.materialsOf(doc.value) : []).map((m) => ({
          index: m.index,
          status: deferred.value.has(m.index) ? ('DEFERRED' as const) : ('PROVIDED' as const),
        })),
      }),
    );
  const upload = (index: number, file: File) => run(() => src.upload(index, fileUpload(file)));
  const submit = () => run(async () => (await save()) && src.submit());
  /** 容缺 ticked or not (sent with the next save). */
  function setDeferred(index: number, on: boolean) {
    if (on) deferred.value.add(index);
    else deferred.value.delete(index);
  }

  void load();
  return { doc, applicant, deferred, fieldErrors, error, busy, run, save, upload, submit, setDeferred };
}
