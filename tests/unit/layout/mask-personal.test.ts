import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutLine } from '../../../src/center/rx/layout-fields';
import { readLayoutPdf } from '../../../src/center/rx/layout-pdf-items';
import { parseLayoutLabelSet } from '../../../src/domain/layout/label-set';
import { maskLayoutText, personalRuns } from '../../../src/domain/layout/mask-personal';
import { maskIdNumber, maskName, maskPhone } from '../../../src/domain/mask';
import { renderLayoutPdf } from '../../../src/sandbox/hospital/layout-pdf';
import { viewLayoutFields } from '../../../src/sandbox/rx/rx-view';
import { createLayoutChecker } from '../../../src/services/rx-layout-check';
import { fixtureRx, fixtureView } from './fixture-rx';

const labels = parseLayoutLabelSet(
  JSON.parse(fs.readFileSync(path.join(process.cwd(), 'config/layout/default.json'), 'utf8')),
);

const CERTNO = '500103197505053214';
const PHONE = '13912345678';
const NAME = '李秀英';
const RXNO = '500103202506010930000000000001';

describe('personal data of a layout file, masked for the screen', () => {
  it('the drawn preview’s runs with the ID number, phone and name are found and masked as the comparison table masks them; the rest is left alone [R-LAYOUT]', async () => {
    const pdf = renderLayoutPdf({
      title: '沙箱示范医院（渝中） 电子处方',
      lines: [
        `医保处方编号：${RXNO}`,
        `患者姓名：${NAME}`,
        `证件号码：${CERTNO}`,
        `联系电话：${PHONE}`,
        '用法1：口服 每次1片 每日一次 14天',
      ],
    });
    const reading = await readLayoutPdf(new Uint8Array(pdf));
    if (!reading.ok) throw new Error(reading.reason);
    const items = reading.pages.flatMap((p) => p.items);
    const runs = personalRuns(items, [NAME]);
    const drawn = runs.map((r) => r.masked).join('\n');
    expect(runs).toHaveLength(3);
    expect(drawn).toContain(maskIdNumber(CERTNO));
    expect(drawn).toContain(maskPhone(PHONE));
    expect(drawn).toContain(maskName(NAME));
    expect(drawn).not.toContain(CERTNO);
    expect(drawn).not.toContain(PHONE);
    expect(drawn).not.toContain(NAME);
    // what the table shows of the same values is the same text
    expect(maskLayoutText(CERTNO, [NAME])).toBe(maskIdNumber(CERTNO));
    expect(maskLayoutText(`患者姓名：${NAME}`, [NAME])).toBe(`患者姓名：${maskName(NAME)}`);
    // prescription numbers and drug lines are not personal data
    expect(maskLayoutText(`医保处方编号：${RXNO}`, [NAME])).toBe(`医保处方编号：${RXNO}`);
  });

  it('the viewer is told where the sandbox layout file shows the ID number and name, masked exactly as the comparison table shows them [R-LAYOUT]', async () => {
    const pdf = renderLayoutPdf({
      title: '沙箱示范医院（渝中） 电子处方',
      lines: viewLayoutFields(fixtureView).map(layoutLine),
    });
    const checker = createLayoutChecker(() => labels);
    const masks = await checker.masks(fixtureRx, pdf);
    const { certno, patn_name: name } = fixtureRx.mdtrtinfo;
    const drawn = masks.map((m) => m.text).join('\n');
    expect(masks.length).toBe(2);
    expect(masks.every((m) => m.page === 1 && m.width > 0 && m.size > 0)).toBe(true);
    expect(drawn).toContain(maskIdNumber(certno));
    expect(drawn).toContain(maskName(name));
    expect(drawn).not.toContain(certno);
    expect(drawn).not.toContain(name);
    const table = await checker.check(fixtureRx, pdf);
    const cell = (key: string) => table.fields.find((f) => f.key === key)?.inFile ?? '';
    expect(drawn).toContain(cell('certno'));
    expect(drawn).toContain(cell('patnName'));
  });

  it('a name on the file that differs from the data is masked on the drawn file too, as the table shows it [R-LAYOUT]', async () => {
    const pdf = renderLayoutPdf({
      title: '沙箱示范医院（渝中） 电子处方',
      lines: viewLayoutFields(fixtureView)
        .map(layoutLine)
        .map((l) => (l.startsWith('患者姓名') ? '患者姓名：李建国' : l)),
    });
    const checker = createLayoutChecker(() => labels);
    const drawn = (await checker.masks(fixtureRx, pdf)).map((m) => m.text).join('\n');
    const table = await checker.check(fixtureRx, pdf);
    const inFile = table.fields.find((f) => f.key === 'patnName')?.inFile ?? '';
    expect(inFile).toBe(maskName('李建国'));
    expect(drawn).toContain(`患者姓名：${inFile}`);
    expect(drawn).not.toContain('李建国');
  });

  it('a name and an ID number split over several runs of one line are masked in every run they touch; other lines are left alone [R-LAYOUT]', () => {
    const run = (str: string, x: number, y: number) => ({ str, x, y, width: 10, size: 10 });
    const items = [
      run('患者姓名：李', 40, 700),
      run('秀英', 100, 700.5),
      run('证件号码：5001031975', 40, 680),
      run('05053214', 160, 680),
      run('药品：二甲双胍', 40, 660),
      run('秀英', 40, 640),
    ];
    const runs = personalRuns(items, [NAME]);
    const drawn = (i: number) => runs.find((r) => r.item === items[i])?.masked ?? items[i]?.str;
    expect(`${drawn(0)}${drawn(1)}`).toBe(`患者姓名：${maskName(NAME)}`);
    const id = `${drawn(2)}${drawn(3)}`;
    expect(id).toBe(`证件号码：${maskIdNumber(CERTNO)}`);
    expect(runs.map((r) => r.item)).not.toContain(items[4]);
    expect(runs.filter((r) => r.item.y === 640)).toHaveLength(0);
  });
});
