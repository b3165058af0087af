import diagnosticsChannel from 'node:diagnostics_channel';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrescriptionView, RxCandidate } from '../../../src/contract/types';
import { createPrescription } from '../../../src/sandbox/hospital/create-prescription';
import { DEMO_PATIENTS } from '../../../src/sandbox/seed-data';
import { DEMO_STAFF } from '../../../src/store/demo-staff';
import { type Harness, startHarness } from '../../support/app-harness';

const AMLODIPINE = 'XC08CAA010A001010201587';
const pharmacist = DEMO_STAFF.find((s) => s.role === 'pharmacist');
const zhang = DEMO_PATIENTS[0];
const ownVoucher = DEMO_PATIENTS.find((p) => p.certno === pharmacist?.certno)?.ecToken ?? '';
if (!pharmacist || !zhang || !ownVoucher) throw new Error('demo data missing');

const PROXY_VARIABLES = ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'http_proxy', 'https_proxy'];

/**
 * ST-EPC-02-003: the counter connects to the medical-insurance center it is configured for,
 * directly, and to nothing else: no relay, proxy or third system sees the insured person's
 * prescription data or the pharmacy's keys. Every outgoing request and TCP connection of the
 * counter process is recorded (Node's diagnostics channels) while a pharmacist signs in,
 * downloads and verifies a prescription and reviews it with its 7206 upload.
 */
describe('direct connection to the configured center [ST-EPC-02-003]', () => {
  let h: Harness;
  let decoy: http.Server;
  let decoyHits = 0;

  beforeAll(async () => {
    h = await startHarness();
    await h.sandbox.demoSeeded;
    decoy = http.createServer((_req, res) => {
      decoyHits += 1;
      res.end();
    });
    decoy.on('connect', () => {
      decoyHits += 1;
    });
    await new Promise<void>((resolve) => decoy.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => decoy.close(resolve));
    await h.close();
  });

  it('every request of sign-in, download, verification and review goes straight to the configured center URLs, even with a proxy set in the environment [ST-EPC-02-003][R-CENTER]', async () => {
    const rx = await createPrescription(
      { baseUrl: h.sandboxUrl },
      { patient: zhang, drugs: [AMLODIPINE] },
    );
    const requests: string[] = [];
    const endpoints = new Set<string>();
    const onRequest = (message: unknown) => {
      const { request } = message as { request: { origin: string; path: string } };
      requests.push(`${request.origin}${request.path}`);
    };
    const onSocket = (message: unknown) => {
      const { socket } = message as { socket: Socket };
      socket.once('connect', () => endpoints.add(`${socket.remoteAddress}:${socket.remotePort}`));
    };
    const saved = PROXY_VARIABLES.map((name) => [name, process.env[name]] as const);
    const proxy = `http://127.0.0.1:${(decoy.address() as AddressInfo).port}`;
    for (const name of PROXY_VARIABLES) process.env[name] = proxy;
    diagnosticsChannel.subscribe('undici:request:create', onRequest);
    diagnosticsChannel.subscribe('net.client.socket', onSocket);
    try {
      // The pharmacist's own steps, through the API entry both transports share.
      const call = async <T>(method: string, input: unknown, token: string | null = null) => {
        const r = await h.dispatch(method, input, token);
        expect(r.ok, `${method}: ${r.ok ? '' : r.error.message}`).toBe(true);
        return (r as { value: T }).value;
      };
      const { token } = await call<{ token: string }>('auth.login', {
        username: pharmacist.username,
        password: pharmacist.password,
      });
      const [found] = await call<RxCandidate[]>('rx.find', { by: 'qr', qr: rx.qr }, token);
      const view = await call<PrescriptionView>('rx.download', found?.ticket, token);
      expect(view.signature.center.state).toBe('passed');
      await call('shift.open', {}, token);
      await call(
        'review.submit',
        {
          hiRxno: rx.hiRxno,
          result: 'pass',
          opinion: '处方合理，用法用量适宜',
          ecToken: ownVoucher,
        },
        token,
      );
      await h.services.worker.sendNow();
    } finally {
      diagnosticsChannel.unsubscribe('undici:request:create', onRequest);
      diagnosticsChannel.unsubscribe('net.client.socket', onSocket);
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }

    const { fsi, epc, trust } = h.services.config;
    const fsiUrl = `${fsi.baseUrl.replace(/\/+$/, '')}${fsi.path}`;
    const epcPrefix = `${epc.baseUrl.replace(/\/+$/, '')}${epc.pathPrefix}`;
    const configured = (url: string) =>
      url === fsiUrl || url === trust.crlUrl || url.startsWith(`${epcPrefix}/`);
    expect(requests.filter((url) => !configured(url))).toEqual([]);
    // sign-in (9001), QR decode, download, verification (7201/7204/7205), 7206 and the CRL
    expect(requests.filter((url) => url === fsiUrl).length).toBeGreaterThanOrEqual(5);
    expect(requests).toContain(trust.crlUrl);
    const center = new URL(fsi.baseUrl);
    // connections opened meanwhile (others may be reused from the pool) reach only the center
    expect([...endpoints].filter((e) => e !== `${center.hostname}:${center.port}`)).toEqual([]);
    expect(decoyHits).toBe(0);
  });
});
