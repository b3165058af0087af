import { describe, expect, it } from 'vitest';
import { clampValue, linear, niceAxis } from '../../../src/renderer/reports/charts/scale';
import { formatTick } from '../../../src/renderer/reports/charts/tick-format';

describe('nice axis ticks of the report charts', () => {
  it('rounds the top up to a 1/2/2.5/5 step and ticks from zero [R-RECON]', () => {
    expect(niceAxis(87, 5)).toEqual({ max: 100, step: 20, ticks: [0, 20, 40, 60, 80, 100] });
    expect(niceAxis(1234.56, 5)).toEqual({
      max: 1250,
      step: 250,
      ticks: [0, 250, 500, 750, 1000, 1250],
    });
    expect(niceAxis(100, 5).max).toBe(100);
  });

  it('gives an empty or all-zero series a 0…1 frame instead of dividing by zero [R-RECON]', () => {
    const axis = niceAxis(0, 4);
    expect(axis.max).toBe(1);
    expect(axis.ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceAxis(Number.NaN).max).toBe(1);
    expect(niceAxis(-50).max).toBe(1);
  });

  it('covers a single small value with clean decimals [R-RECON]', () => {
    const axis = niceAxis(0.03, 5);
    expect(axis.max).toBeGreaterThanOrEqual(0.03);
    expect(axis.ticks).toEqual([0, 0.01, 0.02, 0.03]);
    expect(niceAxis(1, 5).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('handles a busy year of takings (tens of millions of yuan) with at most count+1 ticks [R-RECON]', () => {
    const axis = niceAxis(23_456_789.12, 5);
    expect(axis.max).toBe(25_000_000);
    expect(axis.ticks).toHaveLength(6);
    const giant = niceAxis(9.7e15, 5);
    expect(giant.max).toBeGreaterThanOrEqual(9.7e15);
    expect(giant.ticks.length).toBeLessThanOrEqual(6);
    expect(giant.ticks.every(Number.isFinite)).toBe(true);
    expect(niceAxis(Number.POSITIVE_INFINITY).max).toBe(1);
  });

  it('gives counts whole-number ticks only [R-RECON]', () => {
    expect(niceAxis(1, 5, true)).toEqual({ max: 1, step: 1, ticks: [0, 1] });
    expect(niceAxis(0, 5, true).ticks).toEqual([0, 1]);
    expect(niceAxis(3, 5, true).ticks).toEqual([0, 1, 2, 3]);
    expect(niceAxis(12, 5, true).ticks).toEqual([0, 3, 6, 9, 12]);
    expect(niceAxis(240, 5, true).step).toBe(50);
    expect(niceAxis(12, 5, true).ticks.every(Number.isInteger)).toBe(true);
  });

  it('maps linearly and clamps outside the domain [R-RECON]', () => {
    const px = linear(200, 100);
    expect(px(50)).toBe(25);
    expect(px(400)).toBe(100);
    expect(px(-5)).toBe(0);
    expect(linear(0, 100)(5)).toBe(0);
    expect(clampValue(Number.NaN)).toBe(0);
  });

  it('labels ticks with separators, 万 and 亿 [R-RECON]', () => {
    expect(formatTick(0)).toBe('0');
    expect(formatTick(2500)).toBe('2,500');
    expect(formatTick(15_000)).toBe('1.5万');
    expect(formatTick(25_000_000)).toBe('2500万');
    expect(formatTick(300_000_000)).toBe('3亿');
    expect(formatTick(0.25)).toBe('0.25');
  });
});
