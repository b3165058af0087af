import { FUNCTION_KEYS } from '../keyboard/function-keys';
import type { Screen } from '../navigation/navigation-store';

/** The function keys of the current screen, always visible at the bottom. */
export function KeyHints({ signedIn, screen }: { signedIn: boolean; screen: Screen }) {
  return (
    <div className="key-hints" data-testid="key-hints">
      {FUNCTION_KEYS.filter(
        (k) => (signedIn || !k.session) && (!k.screens || k.screens.includes(screen)),
      ).map((k) => (
        <span key={k.id ?? k.key} className="key-hint">
          <kbd>{k.key}</kbd> {k.label}
        </span>
      ))}
    </div>
  );
}
