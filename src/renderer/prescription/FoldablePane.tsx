import type { ReactNode } from 'react';
import { type FoldableSection, useSectionFolds } from './section-folds';

/**
 * A section the pharmacist can fold to a one-line bar (its key or a click), so the drugs and
 * the review stay in view at 1366×768; the choice holds for the session.
 */
export function FoldablePane({
  section,
  title,
  keyHint,
  children,
}: {
  section: FoldableSection;
  title: string;
  keyHint: string;
  children: ReactNode;
}) {
  const folded = useSectionFolds((s) => s.folded.includes(section));
  return (
    <div className="foldable" data-testid={`fold-${section}`} data-folded={folded}>
      <button
        type="button"
        className="fold-bar"
        aria-expanded={!folded}
        onClick={() => useSectionFolds.getState().toggle(section)}
      >
        <span className="fold-mark">{folded ? '▸' : '▾'}</span>
        {title}
        <span className="hint">
          {keyHint} {folded ? '展开' : '收起'}
        </span>
      </button>
      {!folded && children}
    </div>
  );
}
