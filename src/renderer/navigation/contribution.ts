import type { ComponentType } from 'react';
import type { FunctionKey } from '../keyboard/function-keys';
import type { ScreenKeyHandlers } from '../keyboard/use-function-keys';
import type { Location, Screen } from './navigation-store';

/**
 * What one feature adds to the app, in one place: the app frame, the help overlay and the key
 * dispatch read these instead of knowing each feature.
 */
export interface Contribution {
  id: string;
  /** A counter screen it draws while the counter is on that screen, and what the shared keys do there. */
  screen?: { at: Screen; View: ComponentType; keys?: ScreenKeyHandlers };
  /** A page or modal it keeps mounted; the view shows itself only while it is open. */
  View?: ComponentType;
  /** Its rows of the F1 help (the screens' shared keys are in FUNCTION_KEYS). */
  keys?: readonly FunctionKey[];
  /** Its window key handler (capture phase); `at` is where the user was when the key was pressed. */
  onKeyDown?(ev: KeyboardEvent, at: Location): void;
}
