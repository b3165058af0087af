import { FUNCTION_KEYS } from '../keyboard/function-keys';

/** The function keys, always visible at the bottom of the screen. */
export function KeyHints({ signedIn }: { signedIn: boolean }) {
  return (
    <div className="key-hints" data-testid="key-hints">
      {FUNCTION_KEYS.filter((k) => signedIn || !k.session).map((k) => (
        <span key={k.key} className="key-hint">
          <kbd>{k.key}</kbd> {k.label}
        </span>
      ))}
    </div>
  );
}
