import { create } from 'zustand';
import type { RxCandidate } from '../../contract/types';
import { type EcVoucherHelp, ecVoucherHelpFor, needsEcPassword } from '../../domain/ec-voucher';
import type { MdtrtCertType } from '../../domain/insurance';
import { api, toShape } from '../api';
import { usePrescriptionStore } from '../prescription/prescription-store';
import { useFeedbackStore } from '../stores/feedback-store';
import { reportFailure } from '../stores/report-failure';

export interface CertQuery {
  certType: MdtrtCertType;
  certNo: string;
  cardSn?: string;
}

interface IntakeState {
  /** The prescriptions the center offers; null before a search. */
  candidates: RxCandidate[] | null;
  /** How they were found, for the list's heading. */
  source: 'cert' | 'qr' | null;
  finding: boolean;
  selected: number;
  /** hiRxno of the candidate being downloaded. */
  downloading: string | null;
  /** An ID-number or card query waiting for the patient's e-voucher password (R-AUTH). */
  pendingAuth: CertQuery | null;
  /** How to help the patient when the center refused the password (ST-EPC-02-001). */
  authHelp: EcVoucherHelp | null;
  /**
   * Lists the patient's prescriptions (7202). An ID number or card first waits for the
   * e-voucher password, which is passed through to the call and never kept in the store.
   */
  findByCert(query: CertQuery, ecPassword?: string): Promise<void>;
  cancelAuth(): void;
  /** A prescription QR names one prescription: it is downloaded at once. */
  findByQr(qr: string): Promise<void>;
  select(index: number): void;
  download(candidate?: RxCandidate): Promise<void>;
  clear(): void;
}

/** Only the newest search or download may change the screen. */
let latest = 0;

export const useIntakeStore = create<IntakeState>((set, get) => ({
  candidates: null,
  source: null,
  finding: false,
  selected: 0,
  downloading: null,
  pendingAuth: null,
  authHelp: null,

  async findByCert(query, ecPassword) {
    const id = ++latest;
    if (needsEcPassword(query.certType) && ecPassword === undefined) {
      set({ candidates: null, source: 'cert', pendingAuth: query, authHelp: null });
      return;
    }
    set({ candidates: null, source: 'cert', finding: true, selected: 0, downloading: null });
    try {
      const candidates = await api.call('rx.find', {
        by: 'cert',
        certType: query.certType,
        certNo: query.certNo,
        ...(query.certType === '03' && query.cardSn ? { cardSn: query.cardSn } : {}),
        ...(ecPassword === undefined ? {} : { ecPassword }),
      });
      if (id !== latest) return;
      const firstNew = candidates.findIndex((c) => !c.downloaded);
      set({
        candidates,
        finding: false,
        selected: Math.max(0, firstNew),
        pendingAuth: null,
        authHelp: null,
      });
    } catch (err) {
      if (id !== latest) return;
      set({ finding: false, authHelp: ecVoucherHelpFor(toShape(err).message) });
      reportFailure(err);
    }
  },

  cancelAuth() {
    latest++;
    set({ pendingAuth: null, authHelp: null });
  },

  async findByQr(qr) {
    const id = ++latest;
    set({
      candidates: null,
      source: 'qr',
      finding: true,
      selected: 0,
      downloading: null,
      pendingAuth: null,
      authHelp: null,
    });
    useFeedbackStore.getState().clear();
    try {
      const candidates = await api.call('rx.find', { by: 'qr', qr });
      if (id !== latest) return;
      set({ candidates, finding: false });
      const [only] = candidates;
      if (candidates.length === 1 && only) await get().download(only);
      else if (candidates.length === 0)
        useFeedbackStore.getState().showError({
          code: 'NOT_FOUND',
          message: '未找到该处方二维码对应的电子处方，请核对后重扫',
        });
    } catch (err) {
      if (id !== latest) return;
      set({ finding: false });
      reportFailure(err);
    }
  },

  select(index) {
    const n = get().candidates?.length ?? 0;
    if (n > 0) set({ selected: Math.min(n - 1, Math.max(0, index)) });
  },

  async download(candidate) {
    const s = get();
    const c = candidate ?? s.candidates?.[s.selected];
    if (!c || s.downloading) return;
    const id = ++latest;
    set({ downloading: c.hiRxno });
    useFeedbackStore.getState().clear();
    try {
      const view = c.downloaded
        ? await api.call('rx.get', { hiRxno: c.hiRxno })
        : await api.call('rx.download', c.ticket);
      if (id !== latest) return;
      set({
        downloading: null,
        candidates:
          get().candidates?.map((x) => (x.hiRxno === c.hiRxno ? { ...x, downloaded: true } : x)) ??
          null,
      });
      usePrescriptionStore.getState().show(view);
    } catch (err) {
      if (id !== latest) return;
      set({ downloading: null });
      reportFailure(err);
    }
  },

  clear() {
    latest++;
    set({
      candidates: null,
      source: null,
      finding: false,
      selected: 0,
      downloading: null,
      pendingAuth: null,
      authHelp: null,
    });
  },
}));
