import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { OutboxStatus } from '../../../src/contract/types';
import { type Db, openDatabase } from '../../../src/store/database';
import { type NewOutboxItem, OutboxRepository } from '../../../src/store/outbox-repository';
import { SettingsRepository } from '../../../src/store/settings-repository';
import { tempDir } from './temp-dir';

const ROOT = path.resolve(import.meta.dirname, '../../..');

let seq = 0;
function request(over: Partial<NewOutboxItem> = {}): NewOutboxItem {
  seq += 1;
  const msgid = over.msgid ?? `H50010300001220250101080000${String(seq).padStart(4, '0')}`;
  return {
    msgid,
    channel: 'fsi',
    infno: '3505',
    body: JSON.stringify({ infno: '3505', msgid, input: { selinfo: { seq } } }),
    orderingKey: null,
    ...over,
  };
}

describe('OutboxRepository', () => {
  let db: Db;
  let clock: number;
  let outbox: OutboxRepository;
  beforeEach(() => {
    db = openDatabase(':memory:');
    clock = 1_700_000_000_000;
    outbox = new OutboxRepository(db, () => clock);
  });

  describe('enqueue in the same transaction as the local change', () => {
    it('a transaction that throws leaves neither the local change nor an outbox row [ARCH][R-STOCK][R-SALES-UP]', () => {
      const settings = new SettingsRepository(db);
      const sell = db.transaction(() => {
        settings.set('stock:drug-1', 9);
        outbox.enqueue(request({ infno: '3505' }));
        throw new Error('printer jammed after the outbox write');
      });
      expect(() => sell()).toThrow(/printer jammed/);
      expect(outbox.list()).toEqual([]);
      expect(settings.get('stock:drug-1')).toBeUndefined();
      expect(outbox.status(clock).pending).toBe(0);
    });

    it('a transaction that commits leaves the local change and exactly one outbox row [ARCH][R-STOCK][R-SALES-UP]', () => {
      const settings = new SettingsRepository(db);
      const req = request();
      db.transaction(() => {
        settings.set('stock:drug-1', 9);
        outbox.enqueue(req);
      })();
      expect(settings.get('stock:drug-1')).toBe(9);
      const rows = outbox.list();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        msgid: req.msgid,
        body: req.body,
        status: 'pending',
        attempts: 0,
        nextAttemptAt: clock,
        createdAt: clock,
        deliveredAt: null,
      });
    });
  });

  describe('msgid is the idempotency key', () => {
    it('refuses the same msgid for a different request and keeps the first [ARCH][R-SALES-UP]', () => {
      const first = request();
      outbox.enqueue(first);
      expect(() => outbox.enqueue({ ...first, body: '{"other":true}' })).toThrow(
        /已用于另一笔上传请求/,
      );
      expect(() => outbox.enqueue({ ...first, infno: '9002' })).toThrow(/已用于另一笔上传请求/);
      expect(outbox.list()).toHaveLength(1);
      expect(outbox.list()[0]?.body).toBe(first.body);
    });

    it('treats enqueuing the identical request twice as one item [ARCH]', () => {
      const req = request();
      const a = outbox.enqueue(req);
      const b = outbox.enqueue(req);
      expect(b.id).toBe(a.id);
      expect(outbox.list()).toHaveLength(1);
    });

    it('the schema itself refuses a second row with the same msgid [ARCH]', () => {
      const req = request();
      outbox.enqueue(req);
      expect(() =>
        db
          .prepare(
            "INSERT INTO outbox (msgid, channel, infno, body, next_attempt_at, created_at, updated_at) VALUES (?, 'fsi', 'x', '{}', 0, 0, 0)",
          )
          .run(req.msgid),
      ).toThrow(/UNIQUE/);
    });

    it('refuses a body that is not JSON or a missing msgid [ARCH]', () => {
      expect(() => outbox.enqueue(request({ body: '{not json' }))).toThrow(/不是有效的 JSON/);
      expect(() => outbox.enqueue(request({ msgid: '' }))).toThrow(/缺少报文编号/);
      expect(outbox.list()).toEqual([]);
    });
  });

  describe('frozen and kept', () => {
    it('refuses to change a queued request or delete it before delivery [ARCH][R-STOCK]', () => {
      const item = outbox.enqueue(request());
      expect(() =>
        db.prepare('UPDATE outbox SET body = ? WHERE id = ?').run('{"rebuilt":1}', item.id),
      ).toThrow(/已冻结/);
      expect(() => db.prepare("UPDATE outbox SET msgid = 'x' WHERE id = ?").run(item.id)).toThrow(
        /已冻结/,
      );
      expect(() => db.prepare('DELETE FROM outbox WHERE id = ?').run(item.id)).toThrow(/不可删除/);
      outbox.claimDue(clock, 1);
      outbox.markParked(item.id, '拒绝');
      expect(() => db.prepare('DELETE FROM outbox WHERE id = ?').run(item.id)).toThrow(/不可删除/);
      outbox.requeueParked(item.id);
      outbox.claimDue(clock, 1);
      outbox.markDelivered(item.id, { infcode: 0 });
      expect(db.prepare('DELETE FROM outbox WHERE id = ?').run(item.id).changes).toBe(1);
    });
  });

  describe('claimDue', () => {
    it('delivers items of one ordering key strictly in order, keys independently [ARCH][R-SALES-UP]', () => {
      const a1 = outbox.enqueue(request({ orderingKey: 'A' }));
      const a2 = outbox.enqueue(request({ orderingKey: 'A' }));
      const b1 = outbox.enqueue(request({ orderingKey: 'B' }));
      const n1 = outbox.enqueue(request({ orderingKey: null }));
      const n2 = outbox.enqueue(request({ orderingKey: null }));

      const first = outbox.claimDue(clock, 10);
      expect(first.map((i) => i.id)).toEqual([a1.id, b1.id, n1.id, n2.id]);
      expect(first.every((i) => i.status === 'in_flight' && i.attempts === 1)).toBe(true);
      // a1 in flight still holds a2 back
      expect(outbox.claimDue(clock, 10)).toEqual([]);
      outbox.markDelivered(a1.id, { infcode: 0 });
      expect(outbox.claimDue(clock, 10).map((i) => i.id)).toEqual([a2.id]);
    });

    it('a sign-out waits for the uploads queued earlier under its sign_no, then goes [ARCH][R-SALES-UP]', () => {
      const upload = (signNo: string) => {
        seq += 1;
        const msgid = `H50010300001220250101080000${String(seq).padStart(4, '0')}`;
        return request({
          msgid,
          infno: '7206',
          body: JSON.stringify({ infno: '7206', msgid, sign_no: signNo, input: {} }),
          orderingKey: `rx:${seq}`,
        });
      };
      const signOut = (signNo: string) => {
        seq += 1;
        const msgid = `H50010300001220250101080000${String(seq).padStart(4, '0')}`;
        return request({
          msgid,
          infno: '9002',
          body: JSON.stringify({ infno: '9002', msgid, sign_no: signNo, input: {} }),
          orderingKey: `signin:${signNo}`,
        });
      };
      const u1 = outbox.enqueue(upload('S1'));
      const other = outbox.enqueue(upload('S2'));
      const out1 = outbox.enqueue(signOut('S1'));
      expect(outbox.claimDue(clock, 10).map((i) => i.id)).toEqual([u1.id, other.id]);
      outbox.markRetry(u1.id, 'timeout', clock);
      expect(outbox.claimDue(clock, 10).map((i) => i.id)).toEqual([u1.id]);
      outbox.markParked(u1.id, '医保中心拒绝');
      expect(outbox.claimDue(clock, 10).map((i) => i.id)).toEqual([out1.id]);
    });

    it('a parked item holds back only its own key [ARCH][R-STOCK]', () => {
      const a1 = outbox.enqueue(request({ orderingKey: 'A' }));
      const a2 = outbox.enqueue(request({ orderingKey: 'A' }));
      const b1 = outbox.enqueue(request({ orderingKey: 'B' }));
      outbox.claimDue(clock, 1);
      outbox.markParked(a1.id, '医保中心拒绝：目录编码不存在');
      const b2 = outbox.enqueue(request({ orderingKey: 'B' }));

      expect(outbox.claimDue(clock, 10).map((i) => i.id)).toEqual([b1.id]);
      outbox.markDelivered(b1.id, {});
      expect(outbox.claimDue(clock, 10).map((i) => i.id)).toEqual([b2.id]);
      expect(outbox.get(a2.id)?.status).toBe('pending');

      // a person fixes the cause and says "send again": the same frozen request goes out
      const again = outbox.requeueParked(a1.id);
      expect(again).toMatchObject({ status: 'pending', msgid: a1.msgid, body: a1.body });
      const [resent] = outbox.claimDue(clock, 10);
      expect(resent).toMatchObject({ id: a1.id, msgid: a1.msgid, body: a1.body, attempts: 2 });
    });

    it('a retry waiting out its backoff also holds back its key [ARCH][R-SALES-UP]', () => {
      const a1 = outbox.enqueue(request({ orderingKey: 'A' }));
      const a2 = outbox.enqueue(request({ orderingKey: 'A' }));
      expect(outbox.claimDue(clock, 10).map((i) => i.id)).toEqual([a1.id]);
      outbox.markRetry(a1.id, 'timeout', clock + 60_000);
      expect(outbox.claimDue(clock + 59_999, 10)).toEqual([]);
      expect(outbox.claimDue(clock + 60_000, 10).map((i) => i.id)).toEqual([a1.id]);
      outbox.markDelivered(a1.id, {});
      expect(outbox.claimDue(clock + 60_000, 10).map((i) => i.id)).toEqual([a2.id]);
    });

    it('respects the due time and the limit, and never hands out an item twice [ARCH]', () => {
      const items = [1, 2, 3].map(() => outbox.enqueue(request()));
      const [x] = outbox.claimDue(clock, 1);
      expect(x?.id).toBe(items[0]?.id);
      outbox.markRetry(items[0]?.id ?? 0, 'e', clock + 10);
      expect(outbox.claimDue(clock, 5).map((i) => i.id)).toEqual([items[1]?.id, items[2]?.id]);
      expect(outbox.claimDue(clock, 5)).toEqual([]);
      expect(outbox.claimDue(clock + 10, 5).map((i) => i.id)).toEqual([items[0]?.id]);
    });

    it('moves only in-flight items to retry or parked [ARCH]', () => {
      const item = outbox.enqueue(request());
      expect(outbox.markRetry(item.id, 'e', clock)).toBe(false);
      expect(outbox.markParked(item.id, 'e')).toBe(false);
      expect(() => outbox.requeueParked(item.id)).toThrow(/不是“已搁置”状态/);
      expect(() => outbox.requeueParked(12345)).toThrow(/没有编号为 12345/);
      expect(outbox.get(item.id)?.status).toBe('pending');
    });
  });

  describe('crash between send and reply', () => {
    it('after a real crash, recoverInFlight resends the same msgid with a byte-identical body [ARCH][R-SALES-UP]', () => {
      const t = tempDir();
      try {
        const file = t.file('counter.db');
        const msgid = 'H500103000122025010108000012';
        // unicode, escapes, key order and a number beyond double precision: any re-serialisation would show
        const body =
          '{"infno":"2204","msgid":"H500103000122025010108000012","input":{"feedetail":[{"med_list_codg":"XA01","name":"阿莫西林\\u80f6\\u56ca","det_item_fee_sumamt":12345678901234567890.10}]},"z":1,"a":2}';
        const child = spawnSync(
          process.execPath,
          [
            '--import',
            'tsx',
            path.join(import.meta.dirname, 'fixtures/claim-then-crash.ts'),
            file,
            msgid,
            body,
          ],
          {
            cwd: ROOT,
            encoding: 'utf8',
          },
        );
        expect(child.signal).toBe('SIGKILL');
        const claimed = JSON.parse(child.stdout.trim()) as { id: number; status: string };
        expect(claimed.status).toBe('in_flight');

        const db2 = openDatabase(file);
        const repo = new OutboxRepository(db2);
        expect(repo.get(claimed.id)?.status).toBe('in_flight');
        expect(repo.claimDue(Date.now(), 10)).toEqual([]);
        expect(repo.recoverInFlight()).toBe(1);
        const [again] = repo.claimDue(Date.now(), 10);
        expect(again?.id).toBe(claimed.id);
        expect(again?.msgid).toBe(msgid);
        expect(Buffer.from(again?.body ?? '', 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
        expect(again?.attempts).toBe(2);
        db2.close();
      } finally {
        t.cleanup();
      }
    });
  });

  describe('status and list', () => {
    it('counts pending (waiting or in flight), parked and delivered; oldest age and last error [ARCH][R-STOCK]', () => {
      const empty: Omit<OutboxStatus, 'circuit' | 'center'> = outbox.status(clock);
      expect(empty).toEqual({
        pending: 0,
        parked: 0,
        delivered: 0,
        oldestPendingAgeMs: null,
        lastError: null,
      });

      const a = outbox.enqueue(request());
      clock += 1_000;
      const b = outbox.enqueue(request());
      const c = outbox.enqueue(request());
      const d = outbox.enqueue(request());
      outbox.claimDue(clock, 4);
      outbox.markDelivered(a.id, { infcode: 0 });
      clock += 1_000;
      outbox.markRetry(b.id, '连接超时', clock + 5_000);
      clock += 1_000;
      outbox.markParked(c.id, '医保中心拒绝：重复结算');
      // d stays in flight

      const s = outbox.status(clock + 10_000);
      expect(s).toEqual({
        pending: 2,
        parked: 1,
        delivered: 1,
        oldestPendingAgeMs: 12_000,
        lastError: '医保中心拒绝：重复结算',
      });
      expect(outbox.list({ status: 'parked' }).map((i) => i.id)).toEqual([c.id]);
      expect(outbox.list({ status: ['pending', 'in_flight'] }).map((i) => i.id)).toEqual([
        b.id,
        d.id,
      ]);
      expect(outbox.list({ limit: 2, offset: 1 }).map((i) => i.id)).toEqual([b.id, c.id]);
      expect(outbox.get(a.id)?.response).toBe('{"infcode":0}');
      expect(outbox.get(a.id)?.deliveredAt).toBe(clock - 2_000);

      // once nothing undelivered carries an error, no error is shown
      outbox.requeueParked(c.id);
      outbox.markDelivered(d.id, {});
      for (const i of outbox.claimDue(clock + 10_000, 10)) outbox.markDelivered(i.id, {});
      expect(outbox.status(clock + 10_000)).toEqual({
        pending: 0,
        parked: 0,
        delivered: 4,
        oldestPendingAgeMs: null,
        lastError: null,
      });
    });

    it('keeps long error texts bounded [ARCH]', () => {
      const item = outbox.enqueue(request());
      outbox.claimDue(clock, 1);
      outbox.markRetry(item.id, `<html>${'x'.repeat(100_000)}</html>`, clock);
      expect(outbox.get(item.id)?.lastError?.length).toBeLessThanOrEqual(2_001);
    });

    it('expedite makes waiting retries due now and leaves parked items alone [ARCH]', () => {
      const a = outbox.enqueue(request());
      const b = outbox.enqueue(request());
      outbox.claimDue(clock, 2);
      outbox.markRetry(a.id, 'e', clock + 60_000);
      outbox.markParked(b.id, 'p');
      expect(outbox.expedite(clock)).toBe(1);
      expect(outbox.claimDue(clock, 10).map((i) => i.id)).toEqual([a.id]);
    });
  });
});
