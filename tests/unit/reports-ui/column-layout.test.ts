import { describe, expect, it } from 'vitest';
import { layoutColumns, type PlotBox } from '../../../src/renderer/reports/charts/column-layout';

const box: PlotBox = { width: 440, height: 260, left: 40, right: 0, top: 20, bottom: 40 };
// plot area: x 40…440 (400 wide), y 20…220 (200 high)

describe('stacked and grouped column geometry', () => {
  it('stacks segments bottom-up so they meet exactly and the top is the total [R-RECON]', () => {
    const layout = layoutColumns(
      [
        {
          label: '2025-03-01',
          columns: [
            [
              { key: 'fund', value: 60 },
              { key: 'acct', value: 25 },
              { key: 'cash', value: 15 },
            ],
          ],
        },
        { label: '2025-03-02', columns: [[{ key: 'fund', value: 50 }]] },
      ],
      box,
      { bandPadding: 0.5 },
    );
    expect(layout.axisMax).toBe(100);
    expect(layout.baseline).toBe(220);
    const [fund, acct, cash] = layout.categories[0]?.columns[0]?.segments ?? [];
    expect(fund).toMatchObject({ y: 100, height: 120 });
    expect(acct).toMatchObject({ y: 50, height: 50 });
    expect(cash).toMatchObject({ y: 20, height: 30 });
    expect(layout.categories[0]?.columns[0]).toMatchObject({ total: 100, top: 20 });
    // two bands of 200 px, half padding: a 100 px column centred in each
    expect(layout.categories[0]?.columns[0]).toMatchObject({ x: 90, width: 100 });
    expect(layout.categories[1]?.center).toBe(340);
    expect(layout.ticks[0]).toEqual({ value: 0, y: 220 });
    expect(layout.ticks.at(-1)).toEqual({ value: 100, y: 20 });
  });

  it('puts grouped columns side by side with the gap between them [R-RECON]', () => {
    const layout = layoutColumns(
      [
        {
          label: 'd',
          columns: [
            [{ key: 'queued', value: 4 }],
            [{ key: 'delivered', value: 3 }],
            [{ key: 'parked', value: 1 }],
          ],
        },
      ],
      box,
      { bandPadding: 0, columnGap: 5 },
    );
    const cols = layout.categories[0]?.columns ?? [];
    expect(cols.map((c) => c.width)).toEqual([130, 130, 130]);
    expect(cols.map((c) => c.x)).toEqual([40, 175, 310]);
    expect(cols.map((c) => c.total)).toEqual([4, 3, 1]);
  });

  it('draws nothing but a frame for no data [R-RECON]', () => {
    const layout = layoutColumns([], box);
    expect(layout.categories).toEqual([]);
    expect(layout.axisMax).toBe(1);
    expect(layout.ticks.at(-1)?.y).toBe(20);
  });

  it('gives a single value the full height and zero/negative/NaN segments no height [R-RECON]', () => {
    const layout = layoutColumns(
      [
        {
          label: 'only',
          columns: [
            [
              { key: 'a', value: 7 },
              { key: 'b', value: -3 },
              { key: 'c', value: Number.NaN },
            ],
          ],
        },
      ],
      box,
    );
    const col = layout.categories[0]?.columns[0];
    expect(col?.total).toBe(7);
    expect(col?.segments.map((s) => s.height)).toEqual([expect.any(Number), 0, 0]);
    expect(col?.segments[0]?.y).toBeGreaterThanOrEqual(20);
    expect(col?.segments.every((s) => s.value >= 0)).toBe(true);
  });

  it('keeps huge totals inside the plot area [R-RECON]', () => {
    const layout = layoutColumns(
      [
        { label: 'a', columns: [[{ key: 'x', value: 98_765_432_101 }]] },
        { label: 'b', columns: [[{ key: 'x', value: 1 }]] },
      ],
      box,
    );
    const big = layout.categories[0]?.columns[0];
    const small = layout.categories[1]?.columns[0];
    expect(big?.top).toBeGreaterThanOrEqual(20);
    expect(big?.segments[0]?.height).toBeLessThanOrEqual(200);
    expect(small?.segments[0]?.height).toBeGreaterThanOrEqual(0);
    expect(small?.segments[0]?.height).toBeLessThan(0.001);
  });
});
