import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { maskName } from '../../domain/mask';
import { createPrescription, findDemoPatient } from './create-prescription';

/**
 * `npm run sandbox:rx -- --patient <name|certno> --drugs <medListCodg,...> [--hospital <code>]
 *   [--vali-days N] [--long] [--layout <file.pdf>] [--url http://127.0.0.1:8097]`: the sandbox
 * hospital creates one prescription through the real path of a running sandbox (SANDBOX_URL or
 * --url) and prints its numbers and the QR string. `--layout`: sign and upload this PDF as the
 * layout file instead of the sandbox's own (a real hospital's 处方笺, to see how the counter
 * reads it; its numbers will not be this prescription's unless it was made for it).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      patient: { type: 'string' },
      drugs: { type: 'string' },
      hospital: { type: 'string' },
      'vali-days': { type: 'string' },
      long: { type: 'boolean', default: false },
      layout: { type: 'string' },
      url: { type: 'string', default: process.env.SANDBOX_URL || 'http://127.0.0.1:8097' },
    },
  });
  if (!values.patient || !values.drugs) {
    throw new Error(
      '用法：npm run sandbox:rx -- --patient <姓名或身份证号> --drugs <医保目录编码,...> [--hospital <机构编码>] [--layout <版式文件.pdf>]',
    );
  }
  const patient = findDemoPatient(values.patient);
  const rx = await createPrescription(
    { baseUrl: values.url },
    {
      patient,
      drugs: values.drugs
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
      ...(values.hospital ? { hospital: values.hospital } : {}),
      ...(values['vali-days'] ? { valiDays: Number(values['vali-days']) } : {}),
      longRx: values.long,
      ...(values.layout ? { renderLayout: () => readFileSync(values.layout ?? '') } : {}),
    },
  );
  console.log(
    `患者：${maskName(patient.name)}（${rx.psnNo}）  开方机构：${rx.fixmedinsName}（${rx.fixmedinsCode}）`,
  );
  console.log(`hiRxno       ${rx.hiRxno}`);
  console.log(`rxTraceCode  ${rx.rxTraceCode}`);
  console.log(`QR           ${rx.qr}`);
}

main().catch((err: unknown) => {
  console.error(`开具处方失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
