import type { PublicPriceList } from '../../contract/types-public';
import { yuanText } from '../../domain/money';
import {
  A4,
  cjkPdf,
  strokeLine,
  textLine,
  textLineRight,
  textWidth,
  wrapToWidth,
} from '../../domain/pdf/cjk-text-pdf';

const MARGIN = 42;
const SIZE = 12;
const LEADING = 19;
const GREY = [0.6, 0.6, 0.6] as const;
/** Columns: name (wraps), spec, unit, price (right-aligned at the margin). */
const COL = { name: MARGIN, spec: 270, unit: 420, priceRight: A4.width - MARGIN } as const;

/**
 * The price list for posting in the shop (R-PRICE-PUB): A4 portrait, 12 pt so it can be read
 * from a step away, the pharmacy's name and the posting date on every page.
 */
export function pricePosterPdf(list: PublicPriceList): Buffer {
  const pages: string[] = [];
  let ops: string[] = [];
  let y = 0;
  const head = () => {
    y = A4.height - MARGIN - 20;
    ops.push(textLine(MARGIN, y, 20, '处方流转药品价格公示'));
    y -= 24;
    ops.push(textLine(MARGIN, y, SIZE, `${list.pharmacyName}　公示日期：${list.date}`));
    y -= LEADING + 4;
    ops.push(
      textLine(COL.name, y, SIZE, '药品名称'),
      textLine(COL.spec, y, SIZE, '规格'),
      textLine(COL.unit, y, SIZE, '单位'),
      textLineRight(COL.priceRight, y, SIZE, '零售价（元）'),
      strokeLine({ x: MARGIN, y: y - 6 }, { x: A4.width - MARGIN, y: y - 6 }, GREY),
    );
    y -= LEADING;
  };
  const flush = () => {
    pages.push(ops.join('\n'));
    ops = [];
  };
  head();
  for (const r of list.rows) {
    const name = wrapToWidth(r.genname, SIZE, COL.spec - COL.name - SIZE);
    const spec = wrapToWidth(r.spec, SIZE, COL.unit - COL.spec - SIZE);
    const height = Math.max(name.length, spec.length) * LEADING;
    if (y - height < MARGIN + LEADING) {
      flush();
      head();
    }
    name.forEach((l, i) => {
      ops.push(textLine(COL.name, y - i * LEADING, SIZE, l));
    });
    spec.forEach((l, i) => {
      ops.push(textLine(COL.spec, y - i * LEADING, SIZE, l));
    });
    ops.push(textLine(COL.unit, y, SIZE, r.packUnit));
    ops.push(textLineRight(COL.priceRight, y, SIZE, yuanText(r.priceFen)));
    y -= height;
  }
  ops.push(
    textLine(
      MARGIN,
      y - 6,
      10,
      `共 ${list.rows.length} 种。价格以本店收银系统结算为准，医保支付部分按规定结算。`,
    ),
  );
  flush();
  const total = pages.length;
  return cjkPdf(
    pages.map((p, i) => {
      const foot = `第 ${i + 1} 页，共 ${total} 页`;
      return `${p}\n${textLine((A4.width - textWidth(foot, 9)) / 2, MARGIN - 16, 9, foot)}`;
    }),
  );
}
