import { create } from 'zustand';

/** The prescription page's sections a pharmacist may fold away at a small counter screen. */
export type FoldableSection = 'layout' | 'checks';

const STORAGE_KEY = 'epc.prescription.folded';

function readFolded(): FoldableSection[] {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed)
      ? parsed.filter((s): s is FoldableSection => s === 'layout' || s === 'checks')
      : [];
  } catch {
    return [];
  }
}

interface FoldState {
  folded: FoldableSection[];
  toggle(section: FoldableSection): void;
}

/** Which sections are folded, remembered for the browser/app session (sessionStorage). */
export const useSectionFolds = create<FoldState>((set, get) => ({
  folded: readFolded(),
  toggle(section) {
    const folded = get().folded.includes(section)
      ? get().folded.filter((s) => s !== section)
      : [...get().folded, section];
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(folded));
    set({ folded });
  },
}));
