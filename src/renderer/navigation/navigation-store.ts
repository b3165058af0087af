import { create } from 'zustand';

/** The counter's own screens: exactly one is beneath at any time. */
export type Screen = 'counter' | 'prescription' | 'dispense' | 'sale';
/** Work-area pages shown over the counter's screen (Alt+P, Alt+C, Alt+I, Alt+B, Alt+H, Alt+V, Ctrl+Shift+Y). */
export type Page =
  | 'paper'
  | 'stock'
  | 'risk'
  | 'reports'
  | 'lookup'
  | 'complaints'
  | 'public'
  | 'staff';
export type Location = Screen | Page;

/**
 * The pages a page opens over instead of closing them: paper capture is opened from the stock
 * screen and Esc returns there. Every other page opening closes the pages that were open.
 */
const OPENS_OVER: Partial<Record<Page, readonly Page[]>> = { paper: ['stock'] };

/** Answers false to keep the user where they are (unsaved work they chose not to leave). */
export type LeaveGuard = () => boolean;

interface NavigationState {
  screen: Screen;
  /** Open pages, the shown one last. */
  pages: readonly Page[];
  /** Moves the counter to another screen; false when a guard of a left location vetoed. */
  go(screen: Screen): boolean;
  open(page: Page): boolean;
  close(page: Page): boolean;
  toggle(page: Page): boolean;
  /** Closes the shown page, revealing what is beneath it. */
  back(): boolean;
  /** A new session: every page closes, no guard asked (the work belongs to the one who left). */
  reset(): void;
}

const guards = new Map<Location, Set<LeaveGuard>>();

/** Lets a location keep the user while it holds unsaved work; returns the removal. */
export function guardLeaving(location: Location, guard: LeaveGuard): () => void {
  const set = guards.get(location) ?? new Set<LeaveGuard>();
  set.add(guard);
  guards.set(location, set);
  return () => set.delete(guard);
}

const mayLeave = (left: readonly Location[]) =>
  left.every((l) => [...(guards.get(l) ?? [])].every((guard) => guard()));

/** The one place the user is: the shown page, else the counter's screen. */
export const locationOf = (s: Pick<NavigationState, 'screen' | 'pages'>): Location =>
  s.pages.at(-1) ?? s.screen;

export const isOpen = (s: Pick<NavigationState, 'pages'>, page: Page) => s.pages.includes(page);

export const useNavigation = create<NavigationState>((set, get) => {
  const moveTo = (screen: Screen, pages: readonly Page[]): boolean => {
    const now = get();
    const left: Location[] = now.pages.filter((p) => !pages.includes(p));
    if (now.screen !== screen) left.push(now.screen);
    if (!mayLeave(left)) return false;
    set({ screen, pages });
    return true;
  };
  return {
    screen: 'counter',
    pages: [],
    go: (screen) => moveTo(screen, get().pages),
    open(page) {
      const kept = get().pages.filter((p) => OPENS_OVER[page]?.includes(p));
      return moveTo(get().screen, [...kept, page]);
    },
    close: (page) =>
      moveTo(
        get().screen,
        get().pages.filter((p) => p !== page),
      ),
    toggle: (page) => (isOpen(get(), page) ? get().close(page) : get().open(page)),
    back() {
      const shown = get().pages.at(-1);
      return shown ? get().close(shown) : false;
    },
    reset: () => set({ pages: [] }),
  };
});

/** Runs a page's own setup and clean-up as it appears and goes (after the move, whoever made it). */
export function onPageChange(page: Page, on: { opened?(): void; closed?(): void }): () => void {
  return useNavigation.subscribe((s, prev) => {
    const was = isOpen(prev, page);
    const is = isOpen(s, page);
    if (is && !was) on.opened?.();
    if (was && !is) on.closed?.();
  });
}
