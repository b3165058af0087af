import { type KeyboardEvent, type ReactNode, useEffect, useRef } from 'react';

interface KeyListProps<T> {
  items: readonly T[];
  itemKey(item: T): string;
  renderItem(item: T, active: boolean): ReactNode;
  selected: number;
  onSelect(index: number): void;
  /** Enter or a double click. */
  onActivate(item: T): void;
  label: string;
  /** Prefix of the option ids and the list's data-testid. */
  idPrefix: string;
  itemTestId: string;
  itemData?(item: T): Record<string, string | boolean>;
  /** Takes the focus when shown, so ↑↓ Enter work at once. */
  autoFocus?: boolean;
}

/** A keyboard-first list: ↑/↓/Home/End choose, Enter activates; the mouse can do the same. */
export function KeyList<T>(props: KeyListProps<T>) {
  const { items, selected, onSelect, idPrefix } = props;
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (props.autoFocus) ref.current?.focus();
  }, [props.autoFocus]);

  useEffect(() => {
    ref.current?.querySelector(`#${idPrefix}-${selected}`)?.scrollIntoView({ block: 'nearest' });
  }, [idPrefix, selected]);

  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    const last = items.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, selected + 1),
      ArrowUp: Math.max(0, selected - 1),
      Home: 0,
      End: last,
    };
    const to = moves[ev.key];
    if (to !== undefined) {
      ev.preventDefault();
      onSelect(to);
      return;
    }
    const item = items[selected];
    if (ev.key === 'Enter' && item !== undefined) {
      ev.preventDefault();
      if (!ev.repeat) props.onActivate(item);
    }
  };

  return (
    <div
      ref={ref}
      role="listbox"
      tabIndex={0}
      aria-label={props.label}
      aria-activedescendant={`${idPrefix}-${selected}`}
      className="key-list"
      data-testid={idPrefix}
      onKeyDown={onKeyDown}
    >
      {items.map((item, i) => {
        const data = props.itemData?.(item) ?? {};
        const attrs = Object.fromEntries(
          Object.entries(data).map(([k, v]) => [`data-${k}`, String(v)]),
        );
        return (
          // Options of an aria-activedescendant listbox take no focus: the listbox handles the keys.
          // biome-ignore lint/a11y/useFocusableInteractive: see above
          // biome-ignore lint/a11y/useKeyWithClickEvents: see above
          <div
            key={props.itemKey(item)}
            id={`${idPrefix}-${i}`}
            role="option"
            aria-selected={i === selected}
            className={`key-list-item${i === selected ? ' is-active' : ''}`}
            data-testid={props.itemTestId}
            {...attrs}
            onClick={() => onSelect(i)}
            onDoubleClick={() => props.onActivate(item)}
          >
            {props.renderItem(item, i === selected)}
          </div>
        );
      })}
    </div>
  );
}
