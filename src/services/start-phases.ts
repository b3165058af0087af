/** Told how long one start-up phase took, in ms (for the cold-start breakdown of `npm run bench`). */
export type PhaseTimer = (phase: string, ms: number) => void;

/** Times the phases of one start, each from the end of the one before. */
export function phaseClock(onPhase: PhaseTimer | undefined): (phase: string) => void {
  let since = performance.now();
  return (phase) => {
    const now = performance.now();
    onPhase?.(phase, now - since);
    since = now;
  };
}
