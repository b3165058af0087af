/**
 * Child process of the crash test (sigkill.test.ts): opens the counter's database through the
 * real composition root and works until the parent kills it with SIGKILL. Each loop turn is
 * one of: a prescription from download to settlement, a self-pay sale, an outbox drain.
 *
 * Environment: CRASH_DATA_DIR, CRASH_SANDBOX_URL, CRASH_NOT_BEFORE (epoch ms; the child waits
 * until then so that no msgid of its killed predecessor's last second can repeat),
 * CRASH_CODE_BASE (first serial for traceability codes, unique per run).
 * Prints one line per event: "ready", "step <name>".
 */
import { createDispatcher } from '../../../src/api/dispatch';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { createAppServices } from '../../../src/services/app-services';
import { loadConfig } from '../../../src/services/config';
import { silentLogger } from '../../../src/services/logger';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { CRASH_DRUGS, codeFor, SELF_PAY_DRUG } from './crash-fixtures';

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`missing ${name}`);
  return v;
};

const dataDir = env('CRASH_DATA_DIR');
const sandboxUrl = env('CRASH_SANDBOX_URL');
const notBefore = Number(env('CRASH_NOT_BEFORE'));
let serial = Number(env('CRASH_CODE_BASE'));

const say = (line: string) => process.stdout.write(`${line}\n`);
const wait = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

async function main(): Promise<void> {
  await wait(notBefore - Date.now());
  const config = loadConfig({ mode: 'browser', version: 'crash', dataDir, sandboxUrl });
  config.fsi.timeoutMs = 2_000;
  const services = await createAppServices(config, silentLogger);
  await services.worker.stop();
  const dispatch = createDispatcher(services, silentLogger);
  const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
  if (!pharmacist) throw new Error('no demo pharmacist');
  const ecToken = DEMO_PATIENTS.find((p) => p.certno === pharmacist.certno)?.ecToken ?? '';
  const login = await dispatch(
    'auth.login',
    { username: pharmacist.username, password: pharmacist.password },
    null,
  );
  if (!login.ok) throw new Error(`login: ${login.error.message}`);
  const token = (login.value as { token: string }).token;
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const r = await dispatch(method, input, token);
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as T;
  };
  await dispatch('shift.open', {}, token);
  say('ready');

  const prescription = async (turn: number) => {
    const patient = DEMO_PATIENTS[turn % 2];
    const drug = CRASH_DRUGS[turn % CRASH_DRUGS.length];
    if (!patient || !drug) throw new Error('fixtures');
    const rx = await createPrescription({ baseUrl: sandboxUrl }, { patient, drugs: [drug] });
    const found = await call<Array<{ ticket: unknown }>>('rx.find', { by: 'qr', qr: rx.qr });
    await call('rx.download', found[0]?.ticket);
    say('step downloaded');
    await call('review.submit', {
      hiRxno: rx.hiRxno,
      result: 'pass',
      opinion: '处方合理，用法用量适宜',
      ecToken,
      dualChannel: {
        identityChecked: true,
        prescriptionChecked: true,
        medicalRecordChecked: true,
        note: '已核对身份证、处方与病历',
      },
    });
    say('step reviewed');
    await services.worker.drainOnce();
    const d = await call<{
      dispensingId: number;
      lines: Array<{ medListCodg: string; packsPrescribed: number }>;
    }>('dispense.start', { hiRxno: rx.hiRxno });
    for (const l of d.lines) {
      for (let i = 0; i < l.packsPrescribed; i++) {
        await call('dispense.scan', {
          dispensingId: d.dispensingId,
          code: codeFor(l.medListCodg, serial++),
        });
      }
    }
    await call('dispense.complete', { dispensingId: d.dispensingId });
    say('step dispensed');
    const p = await call<{
      previewId: string;
      supervision: { checkId: number; settleAllowed: boolean };
    }>('settle.preview', { dispensingId: d.dispensingId });
    if (!p.supervision.settleAllowed) {
      // A repeat purchase within the days of use (R-SUPERVISE): the pharmacist goes ahead with a
      // reason, as at the counter; a kill may land between this and 2102 as well.
      await call('supervision.handle', {
        dispensingId: d.dispensingId,
        checkId: p.supervision.checkId,
        choice: 'continue',
        reason: '患者原药已遗失，医师确认需续用',
      });
    }
    await call('settle.confirm', { dispensingId: d.dispensingId, previewId: p.previewId });
    say('step settled');
  };

  const selfPay = async () => {
    const codes = [codeFor(SELF_PAY_DRUG, serial++), codeFor(SELF_PAY_DRUG, serial++)];
    await call('sale.selfPay', { items: [{ medListCodg: SELF_PAY_DRUG, codes }] });
    say('step sold');
  };

  for (let turn = 0; ; turn++) {
    const pick = turn % 3;
    if (pick === 0) await prescription(turn);
    else if (pick === 1) await selfPay();
    await services.worker.drainOnce();
    say('step drained');
  }
}

main().catch((err: unknown) => {
  say(`error ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
