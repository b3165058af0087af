import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sm3Hex } from '../../../src/center/crypto';
import { redactDeliveredBacklog } from '../../../src/services/outbox-credentials';
import { MIGRATIONS, migrate } from '../../../src/store/migrations';
import { OutboxRepository } from '../../../src/store/outbox-repository';

const AT = 1_700_000_000_000;
const TOKEN = 'ec-token-of-the-pharmacist';
const REDACTION = MIGRATIONS.findIndex((m) => m.name === 'outbox_credential_redaction');

const body7206 = (msgid: string) =>
  JSON.stringify({
    infno: '7206',
    msgid,
    input: { rx_chk_up_info: { hi_rxno: 'RX1', phar_code: 'Y1', ec_token: TOKEN } },
  });

describe('delivered 7206 bodies of a database from before the redaction rule', () => {
  it('are redacted at start; undelivered ones keep the token a resend needs', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.slice(0, REDACTION), () => AT);
    const insert = db.prepare(
      `INSERT INTO outbox (msgid, channel, infno, body, ordering_key, status, next_attempt_at,
         created_at, updated_at, delivered_at) VALUES (?, 'fsi', '7206', ?, 'RX1', ?, 0, ?, ?, ?)`,
    );
    insert.run('M-DELIVERED', body7206('M-DELIVERED'), 'delivered', AT, AT, AT);
    insert.run('M-PENDING', body7206('M-PENDING'), 'pending', AT, AT, null);
    migrate(db, MIGRATIONS, () => AT);

    const repo = new OutboxRepository(db, () => AT + 1);
    expect(redactDeliveredBacklog(repo)).toBe(1);
    const bodies = Object.fromEntries(
      (
        db.prepare('SELECT msgid, body FROM outbox').all() as Array<{ msgid: string; body: string }>
      ).map((r) => [r.msgid, JSON.parse(r.body).input.rx_chk_up_info.ec_token]),
    );
    expect(bodies).toEqual({
      'M-DELIVERED': `sm3:${sm3Hex(Buffer.from(TOKEN))}`,
      'M-PENDING': TOKEN,
    });
    expect(redactDeliveredBacklog(repo)).toBe(0);
  });
});
