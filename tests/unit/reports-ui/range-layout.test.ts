import { describe, expect, it } from 'vitest';
import { layoutRanges } from '../../../src/renderer/reports/charts/range-layout';

const box = { width: 700, labelWidth: 200, valueWidth: 100, rowHeight: 40, top: 30 };
// plot: x 200…600 (400 wide)

describe('flowed-drug price ranges', () => {
  it('places current price, charged range and average on one axis and flags a charge above the current price [R-PRICE-PUB]', () => {
    const layout = layoutRanges(
      [
        { key: 'a', label: 'A', current: 30, min: 28, max: 30, avg: 29 },
        { key: 'b', label: 'B', current: 20, min: 20, max: 40, avg: 25 },
      ],
      box,
    );
    expect(layout.axisMax).toBe(40);
    const [a, b] = layout.rows;
    expect(a).toMatchObject({
      currentX: 500,
      range: { x1: 480, x2: 500 },
      avgX: 490,
      above: false,
    });
    expect(b).toMatchObject({ currentX: 400, range: { x1: 400, x2: 600 }, avgX: 450, above: true });
    expect(b?.mid).toBe(90);
    expect(layout.height).toBe(110);
  });

  it('draws no range for a drug never sold, and a frame for no drugs [R-PRICE-PUB]', () => {
    const layout = layoutRanges(
      [{ key: 'n', label: 'N', current: 0, min: null, max: null, avg: null }],
      box,
    );
    expect(layout.rows[0]).toMatchObject({ range: null, avgX: null, above: false, currentX: 200 });
    expect(layout.axisMax).toBe(1);
    expect(layoutRanges([], box).rows).toEqual([]);
  });
});
