import { beforeAll, describe, expect, it } from 'vitest';
import { onComplaintKeyDown } from '../../../src/renderer/complaints/complaint-key-handler';
import { useNavigation } from '../../../src/renderer/navigation/navigation-store';
import { onReportsKeyDown } from '../../../src/renderer/reports/report-key-handler';
import { onRiskKeyDown } from '../../../src/renderer/risk/risk-key-handler';
import { onStockKeyDown } from '../../../src/renderer/stock/stock-key-handler';
import { useSessionStore } from '../../../src/renderer/stores/session-store';

type Handler = (ev: KeyboardEvent, at: 'counter') => void;

function press(handler: Handler, code: string, shiftKey: boolean): boolean {
  let taken = false;
  const ev = {
    code,
    key: code.slice(3).toLowerCase(),
    altKey: true,
    shiftKey,
    ctrlKey: false,
    metaKey: false,
    repeat: false,
    target: null,
    preventDefault: () => {
      taken = true;
    },
    stopPropagation: () => {},
  } as unknown as KeyboardEvent;
  handler(ev, 'counter');
  return taken;
}

describe('Alt+letter and Alt+Shift+letter are different keys', () => {
  beforeAll(() => {
    useSessionStore.setState({ session: { token: 't' } } as never);
  });

  it.each([
    ['complaint register', onComplaintKeyDown, 'KeyV'],
    ['reports', onReportsKeyDown, 'KeyB'],
    ['risk signals', onRiskKeyDown, 'KeyI'],
    ['stock', onStockKeyDown, 'KeyC'],
  ] as const)(
    'the %s screen opens on Alt only, never on Alt+Shift of its letter [ARCH][issue19-6]',
    (_name, handler, code) => {
      expect(press(handler as Handler, code, true)).toBe(false);
      expect(useNavigation.getState().pages).toEqual([]);
      expect(press(handler as Handler, code, false)).toBe(true);
      expect(useNavigation.getState().pages).toHaveLength(1);
      useNavigation.getState().reset();
    },
  );
});
