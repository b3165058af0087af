import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../../../src/api/dispatch';
import { deferredDispatch } from '../../../src/host/deferred-dispatch';

/** A dispatcher that answers every call with what it was asked. */
const echo: Dispatch = async (method, input, token) => ({
  ok: true,
  value: { method, input, token },
});

function startingServices() {
  let start!: (d: Dispatch) => void;
  let fail!: (err: unknown) => void;
  const ready = new Promise<Dispatch>((resolve, reject) => {
    start = resolve;
    fail = reject;
  });
  return { ready, start, fail };
}

describe('calls made while the counter is still starting', () => {
  it('waits for the services and then answers the call as usual [R-AUTH]', async () => {
    const services = startingServices();
    const dispatch = deferredDispatch(services.ready, 5_000);
    let answered = false;
    const call = dispatch('auth.login', { username: 'yaoshi' }, null).then((r) => {
      answered = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    services.start(echo);
    expect(await call).toEqual({
      ok: true,
      value: { method: 'auth.login', input: { username: 'yaoshi' }, token: null },
    });
    // Once started, later calls go straight through.
    expect(await dispatch('app.info', {}, 't')).toMatchObject({ ok: true });
  });

  it('says in Chinese that the system is starting when the services are not ready in time, never hangs [R-AUTH]', async () => {
    const services = startingServices();
    const answer = await deferredDispatch(services.ready, 30)('auth.login', {}, null);
    expect(answer).toMatchObject({ ok: false, error: { code: 'STARTING' } });
    expect(answer.ok ? '' : answer.error.message).toMatch(/正在启动/);
  });

  it('answers in Chinese, without throwing, when start-up failed [R-AUTH]', async () => {
    const services = startingServices();
    const dispatch = deferredDispatch(services.ready, 5_000);
    const waiting = dispatch('app.info', {}, null);
    services.fail(new Error('database locked'));
    for (const answer of [await waiting, await dispatch('app.info', {}, null)]) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(answer.ok ? '' : answer.error.message).toMatch(/启动未完成/);
    }
  });
});
