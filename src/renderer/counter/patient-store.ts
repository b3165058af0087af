import { create } from 'zustand';
import type { InsuredPerson } from '../../contract/types';
import type { MdtrtCertType } from '../../domain/insurance';
import { api, isUnauthenticated, toShape } from '../api';
import { beep } from '../feedback/beep';
import { useFeedbackStore } from '../stores/feedback-store';
import { useSessionStore } from '../stores/session-store';
import { useIntakeStore } from './intake-store';

export interface PatientQuery {
  certType: MdtrtCertType;
  certNo: string;
  cardSn?: string;
}

interface PatientState {
  certType: MdtrtCertType;
  certNo: string;
  cardSn: string;
  person: InsuredPerson | null;
  loading: boolean;
  setCertType(certType: MdtrtCertType): void;
  setCertNo(certNo: string): void;
  setCardSn(cardSn: string): void;
  /**
   * Looks up the typed credential, or `query` (a scanned e-voucher) without touching the fields;
   * once the person is found, asks the center for their prescriptions with the same credential.
   */
  lookup(query?: PatientQuery): Promise<void>;
  clear(): void;
}

/** Only the newest lookup may change the screen: a slow answer to an older one is ignored. */
let latest = 0;

export const usePatientStore = create<PatientState>((set, get) => ({
  certType: '01',
  certNo: '',
  cardSn: '',
  person: null,
  loading: false,
  setCertType: (certType) => set({ certType }),
  setCertNo: (certNo) => set({ certNo }),
  setCardSn: (cardSn) => set({ cardSn }),

  async lookup(query) {
    const s = get();
    const q: PatientQuery = query ?? {
      certType: s.certType,
      certNo: s.certNo.trim(),
      cardSn: s.cardSn.trim(),
    };
    const feedback = useFeedbackStore.getState();
    if (!q.certNo) {
      feedback.showError({ code: 'VALIDATION', message: '请先扫码或输入凭证号码' });
      return;
    }
    const id = ++latest;
    set({ loading: true, person: null });
    useIntakeStore.getState().clear();
    feedback.clear();
    try {
      const person = await api.call('patient.lookup', {
        certType: q.certType,
        certNo: q.certNo,
        ...(q.certType === '03' && q.cardSn ? { cardSn: q.cardSn } : {}),
      });
      if (id !== latest) return;
      set({ person, loading: false });
      beep('success');
      void useIntakeStore.getState().findByCert(q);
    } catch (err) {
      if (id !== latest) return;
      set({ loading: false });
      if (isUnauthenticated(err)) useSessionStore.getState().expire(toShape(err).message);
      else feedback.showError(toShape(err));
    }
  },

  clear() {
    latest++;
    set({ certNo: '', cardSn: '', person: null, loading: false });
    useIntakeStore.getState().clear();
    useFeedbackStore.getState().clear();
  },
}));
