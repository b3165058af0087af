import { OPINION_PHRASE_KEYS } from '../keyboard/function-keys';
import { OPINION_PHRASES } from './opinion-phrases';

/** The standard opinions under the opinion field, each with its Ctrl+Shift+digit. */
export function OpinionPhrases({ onPick }: { onPick: (phrase: string) => void }) {
  return (
    <fieldset className="opinion-phrases" data-testid="opinion-phrases" aria-label="常用审核意见">
      <span className="hint">常用意见（{OPINION_PHRASE_KEYS}）</span>
      {OPINION_PHRASES.map((p, i) => (
        <button
          key={p}
          type="button"
          className="opinion-phrase"
          data-testid="opinion-phrase"
          onClick={() => onPick(p)}
        >
          <kbd>{i + 1}</kbd> {p}
        </button>
      ))}
    </fieldset>
  );
}
