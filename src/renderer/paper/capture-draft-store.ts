import { create } from 'zustand';
import { useSessionStore } from '../stores/session-store';
import type { DraftLine } from './DrugLineEditor';
import type { PickedImage } from './ImagePreview';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export const emptyText = () => ({
  institutionCode: '',
  institutionName: '',
  serialNo: '',
  rxDate: today(),
  physicianName: '',
  patientName: '',
  patientCertno: '',
});
export type CaptureText = ReturnType<typeof emptyText>;

export interface CaptureDraft {
  text: CaptureText;
  lines: DraftLine[];
  longRx: boolean;
  /** 门特处方 and the patient's consent to pay it all (R-MT-CLAIM). */
  chronicSpecial: boolean;
  selfPayConsent: boolean;
  signature: boolean;
  stamp: boolean;
  image: PickedImage | null;
}

interface CaptureDraftState extends CaptureDraft {
  change(part: Partial<CaptureDraft>): void;
  /** After archiving: the next prescription starts empty; the long-prescription tick stays. */
  archived(): void;
  clear(): void;
}

const empty = (): CaptureDraft => ({
  text: emptyText(),
  lines: [],
  longRx: false,
  chronicSpecial: false,
  selfPayConsent: false,
  signature: false,
  stamp: false,
  image: null,
});

/**
 * What has been typed into the paper capture form and not yet archived. It lives outside the
 * form so that leaving the paper page (Esc, another page, dispensing) keeps the draft.
 */
export const useCaptureDraftStore = create<CaptureDraftState>((set, get) => ({
  ...empty(),
  change: (part) => set(part),
  archived: () => set({ ...empty(), longRx: get().longRx }),
  clear: () => set(empty()),
}));

/** A draft belongs to the staff member who typed it. */
useSessionStore.subscribe((s, prev) => {
  if (s.session !== prev.session) useCaptureDraftStore.getState().clear();
});
