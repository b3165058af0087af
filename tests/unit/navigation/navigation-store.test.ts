import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  guardLeaving,
  isOpen,
  locationOf,
  onPageChange,
  useNavigation,
} from '../../../src/renderer/navigation/navigation-store';

const nav = () => useNavigation.getState();
const removals: Array<() => void> = [];

beforeEach(() => useNavigation.setState({ screen: 'counter', pages: [] }));
afterEach(() => {
  for (const remove of removals.splice(0)) remove();
});

describe('navigation: one location', () => {
  it('the user is at exactly one place: the shown page, else the counter screen [issue16-4]', () => {
    expect(locationOf(nav())).toBe('counter');
    nav().go('prescription');
    expect(locationOf(nav())).toBe('prescription');
    nav().open('risk');
    expect(locationOf(nav())).toBe('risk');
    nav().open('reports');
    expect(nav().pages).toEqual(['reports']);
    expect(isOpen(nav(), 'risk')).toBe(false);
    expect(nav().screen).toBe('prescription');
  });

  it('opening a page closes the others, except paper opening over stock [issue16-4]', () => {
    nav().open('stock');
    nav().open('paper');
    expect(nav().pages).toEqual(['stock', 'paper']);
    expect(locationOf(nav())).toBe('paper');
    nav().open('stock');
    expect(nav().pages).toEqual(['stock']);
    nav().open('paper');
    nav().open('reports');
    expect(nav().pages).toEqual(['reports']);
  });

  it('toggle opens a closed page and closes an open one, leaving the pages beneath [issue16-4]', () => {
    nav().toggle('stock');
    nav().toggle('paper');
    nav().toggle('stock');
    expect(nav().pages).toEqual(['paper']);
    nav().toggle('paper');
    expect(locationOf(nav())).toBe('counter');
  });
});

describe('navigation: back', () => {
  it('back closes the shown page and reveals the one beneath, then the counter screen [issue16-4]', () => {
    nav().go('dispense');
    nav().open('stock');
    nav().open('paper');
    expect(nav().back()).toBe(true);
    expect(locationOf(nav())).toBe('stock');
    expect(nav().back()).toBe(true);
    expect(locationOf(nav())).toBe('dispense');
    expect(nav().back()).toBe(false);
    expect(locationOf(nav())).toBe('dispense');
  });

  it('a page is told when it appears and when it goes, whoever moved [issue16-4]', () => {
    const seen: string[] = [];
    removals.push(
      onPageChange('risk', {
        opened: () => seen.push('opened'),
        closed: () => seen.push('closed'),
      }),
    );
    nav().toggle('risk');
    nav().open('reports');
    nav().open('risk');
    nav().reset();
    expect(seen).toEqual(['opened', 'closed', 'opened', 'closed']);
  });
});

describe('navigation: veto for unsaved work', () => {
  it('a guard answering false keeps the user where the unsaved work is [issue16-4]', () => {
    let dirty = true;
    nav().open('paper');
    removals.push(guardLeaving('paper', () => !dirty));
    expect(nav().back()).toBe(false);
    expect(nav().open('risk')).toBe(false);
    expect(nav().toggle('paper')).toBe(false);
    expect(nav().pages).toEqual(['paper']);
    dirty = false;
    expect(nav().open('risk')).toBe(true);
    expect(nav().pages).toEqual(['risk']);
  });

  it('a guard of the counter screen vetoes leaving it, not opening a page over it [issue16-4]', () => {
    nav().go('prescription');
    removals.push(guardLeaving('prescription', () => false));
    expect(nav().open('stock')).toBe(true);
    expect(nav().go('counter')).toBe(false);
    expect(nav().screen).toBe('prescription');
  });

  it('a guard removed no longer vetoes; a new session closes pages without asking [issue16-4]', () => {
    nav().open('stock');
    const remove = guardLeaving('stock', () => false);
    nav().reset();
    expect(nav().pages).toEqual([]);
    nav().open('stock');
    remove();
    expect(nav().close('stock')).toBe(true);
  });
});
