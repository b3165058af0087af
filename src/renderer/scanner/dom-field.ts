import type { CaptureHost, FieldHandle, FieldState } from './scan-capture';

/** Input types that hold typed text; keys cannot land in checkboxes, buttons and the like. */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'password',
  'tel',
  'url',
  'email',
  'number',
  '',
]);

type TextField = HTMLInputElement | HTMLTextAreaElement;

function isTextField(el: Element | null): el is TextField {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  if (el instanceof HTMLInputElement)
    return TEXT_INPUT_TYPES.has(el.type) && !el.readOnly && !el.disabled;
  return false;
}

/** Some input types (email, number) have no selection API: reading gives null, setting throws. */
function selectionOf(el: TextField): Pick<FieldState, 'selectionStart' | 'selectionEnd'> {
  try {
    return { selectionStart: el.selectionStart, selectionEnd: el.selectionEnd };
  } catch {
    return { selectionStart: null, selectionEnd: null };
  }
}

/**
 * Sets the value through the prototype's native setter, then fires 'input': React tracks the
 * value on the element itself, so this is the way to make a controlled input's state follow.
 */
function writeField(el: TextField, state: FieldState): void {
  const proto =
    el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, state.value);
  else el.value = state.value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  if (state.selectionStart !== null && state.selectionEnd !== null) {
    try {
      el.setSelectionRange(state.selectionStart, state.selectionEnd);
    } catch {
      // input types without a selection API
    }
  }
}

function handleFor(el: TextField): FieldHandle {
  return {
    read: () => ({ value: el.value, ...selectionOf(el) }),
    write: (state) => writeField(el, state),
    isFocused: () => el.isConnected && el.ownerDocument.activeElement === el,
  };
}

export function domCaptureHost(win: Window): CaptureHost {
  return {
    focusedField() {
      const el = win.document.activeElement;
      return isTextField(el) ? handleFor(el) : null;
    },
    secretFieldFocused() {
      const el = win.document.activeElement;
      return el instanceof HTMLInputElement && el.type === 'password';
    },
    now: () => win.performance.now(),
    today: () => new Date(),
    setTimer: (fn, ms) => win.setTimeout(fn, ms),
    clearTimer: (id) => win.clearTimeout(id),
  };
}
