import type { IncomingMessage, ServerResponse } from 'node:http';
import { dateTime } from '../../center/clock';
import { EPC_QR_PREFIX } from '../../center/rx/fsi-72xx';
import { maskIdNumber, maskName } from '../../domain/mask';
import type { SandboxClock } from '../clock';
import type { SandboxConfig } from '../config';
import type { SandboxDb } from '../db';
import { sandboxHospitals } from '../hospitals';
import { readBody } from '../http-util';
import { effectiveStatus, type RxRow, uploadOf } from '../rx/rx-store';
import { DEMO_PATIENTS } from '../seed-data';
import { sandboxCatalog } from './catalog';
import { createPrescription, revokePrescription } from './create-prescription';

export interface HospitalPageDeps {
  db: SandboxDb;
  config: SandboxConfig;
  clock: SandboxClock;
  /** The sandbox's own base URL: the page creates prescriptions through the real routes. */
  baseUrl: () => string;
  log: (line: string) => void;
}

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * The sandbox hospital page (`GET /x/hospital`): a plain form that creates a prescription
 * with the same function as the seed command, and the recent prescriptions with their QR
 * strings and a revoke button. Personal data is masked.
 */
export async function handleHospitalPage(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  deps: HospitalPageDeps,
): Promise<void> {
  const opts = { baseUrl: deps.baseUrl(), config: deps.config };
  if (req.method === 'POST' && (path === '/x/hospital/create' || path === '/x/hospital/revoke')) {
    const form = new URLSearchParams(await readBody(req, 64 * 1024));
    try {
      if (path === '/x/hospital/create') {
        const rx = await createPrescription(opts, {
          patient: form.get('patient') ?? '',
          hospital: form.get('hospital') ?? undefined,
          drugs: form.getAll('drug'),
          valiDays: Number(form.get('valiDays') || 3),
          longRx: form.get('longRx') === '1',
        });
        deps.log(`医院页面开具处方 ${rx.hiRxno}`);
        return redirect(
          res,
          `/x/hospital?notice=${encodeURIComponent(`已开具处方 ${rx.hiRxno}，二维码 ${rx.qr}`)}`,
        );
      }
      const rx = await revokePrescription(opts, {
        hiRxno: form.get('hiRxno') ?? '',
        fixmedinsCode: form.get('fixmedinsCode') ?? '',
      });
      return redirect(res, `/x/hospital?notice=${encodeURIComponent(`处方 ${rx.hiRxno} 已撤销`)}`);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return html(res, 400, page(deps, `操作失败：${message}`));
    }
  }
  if (req.method === 'GET' && path === '/x/hospital') {
    const notice = new URL(req.url ?? '/', 'http://x').searchParams.get('notice') ?? '';
    return html(res, 200, page(deps, notice));
  }
  html(res, 404, '<p>沙箱医院页面没有此路径</p>');
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location });
  res.end();
}

function html(res: ServerResponse, status: number, body: string): void {
  const text = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>沙箱医院 · 电子处方</title>
<style>body{font-family:sans-serif;margin:2em;max-width:1200px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px 6px;font-size:13px}code{font-size:12px}.notice{background:#eef;padding:8px}</style>
</head><body>${body}</body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html;charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function page(deps: HospitalPageDeps, notice: string): string {
  const patients = DEMO_PATIENTS.map(
    (p) =>
      `<option value="${esc(p.psnNo)}">${esc(maskName(p.name))}（${esc(maskIdNumber(p.certno))}）</option>`,
  ).join('');
  const hospitals = sandboxHospitals(deps.config)
    .map(
      (h) =>
        `<option value="${esc(h.fixmedinsCode)}">${esc(h.fixmedinsName)}（${esc(h.fixmedinsCode)}）</option>`,
    )
    .join('');
  const drugs = [...sandboxCatalog().values()]
    .filter((d) => d.rxClass !== 'nonDrug')
    .map(
      (d) =>
        `<label style="display:inline-block;width:32%"><input type="checkbox" name="drug" value="${esc(d.medListCodg)}"> ${esc(d.genname)} ${esc(d.spec)}</label>`,
    )
    .join('');
  const rows = deps.db
    .prepare('SELECT * FROM epc_prescriptions ORDER BY created_at DESC, hi_rxno DESC LIMIT 50')
    .all() as RxRow[];
  const now = deps.clock.now();
  const body = rows
    .map((r) => {
      const upload = uploadOf(r);
      const lines = Array.isArray(upload.rxdrugdetail) ? upload.rxdrugdetail : [];
      const names = lines.map((l) => esc((l as { drugGenname?: string }).drugGenname)).join('、');
      const status = effectiveStatus(r, now);
      const revocable = ['0', '1'].includes(r.rx_stas_codg);
      const revoke = revocable
        ? `<form method="post" action="/x/hospital/revoke" style="margin:0"><input type="hidden" name="hiRxno" value="${esc(r.hi_rxno)}"><input type="hidden" name="fixmedinsCode" value="${esc(r.fixmedins_code)}"><button>撤销</button></form>`
        : '';
      return `<tr><td>${esc(dateTime(new Date(r.upld_time ?? r.created_at)))}</td><td>${esc(r.fixmedins_code)}</td><td>${esc(maskName(r.patn_name))}</td><td>${names}</td><td>${esc(status.name)}</td><td><code>${esc(r.hi_rxno)}</code></td><td><code>${r.upld_time ? esc(`${EPC_QR_PREFIX}${r.rx_trace_code}`) : ''}</code></td><td>${revoke}</td></tr>`;
    })
    .join('');
  return `<h1>沙箱医院 · 电子处方</h1>
${notice ? `<p class="notice">${esc(notice)}</p>` : ''}
<h2>开具处方</h2>
<form method="post" action="/x/hospital/create">
<p>患者：<select name="patient">${patients}</select> 开方机构：<select name="hospital">${hospitals}</select>
有效天数：<input name="valiDays" value="3" size="3"> <label><input type="checkbox" name="longRx" value="1"> 长期处方</label></p>
<p>${drugs}</p>
<p><button>开具并上传（预核验 → 医保电子签名 → 上传）</button></p>
</form>
<h2>最近的处方</h2>
<table><tr><th>上传时间</th><th>机构</th><th>患者</th><th>药品</th><th>状态</th><th>医保处方编号</th><th>处方二维码内容</th><th></th></tr>${body}</table>`;
}
