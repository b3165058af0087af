import type {
  RxClaimAnswer,
  RxHeldAnswer,
  RxHolder,
  RxReleaseAnswer,
} from '../contract/types-store-rx';
import { formatBeijingDateTime } from '../domain/policy/beijing-time';
import { ruleCitationForUsers } from '../domain/rules';
import { type Client, ms } from './database';
import type { Outcome } from './idempotent';

/**
 * Which counter holds each prescription (R-STATUS across counters): the primary key of rx_claims
 * decides a race, so two counters claiming one prescription at once cannot both win.
 */
interface ClaimRow {
  counter_id: string;
  claimed_at: Date;
  settled_at: Date | null;
}

function holderOf(r: ClaimRow): RxHolder {
  return {
    counterId: r.counter_id,
    claimedAt: ms(r.claimed_at),
    settledAt: r.settled_at === null ? null : ms(r.settled_at),
  };
}

async function event(c: Client, hiRxno: string, me: string, what: string): Promise<void> {
  await c.query('INSERT INTO rx_claim_events (hi_rxno, counter_id, event) VALUES ($1, $2, $3)', [
    hiRxno,
    me,
    what,
  ]);
}

export function heldByAnother(hiRxno: string, h: RxHolder): string {
  return h.settledAt !== null
    ? `处方 ${hiRxno} 已于 ${formatBeijingDateTime(new Date(h.settledAt))} 在柜台 ${h.counterId} 结算，不得在本柜台再次调剂`
    : `处方 ${hiRxno} 正在柜台 ${h.counterId} 调剂（${formatBeijingDateTime(new Date(h.claimedAt))} 起），一张处方只能在一个柜台调剂；请到柜台 ${h.counterId} 继续，或由该柜台取消调剂后再试`;
}

export async function claimRx(
  c: Client,
  me: string,
  hiRxno: string,
): Promise<Outcome<RxClaimAnswer>> {
  const inserted = await c.query<ClaimRow>(
    `INSERT INTO rx_claims (hi_rxno, counter_id) VALUES ($1, $2)
     ON CONFLICT (hi_rxno) DO NOTHING RETURNING counter_id, claimed_at, settled_at`,
    [hiRxno, me],
  );
  const mine = inserted.rows[0];
  if (mine) {
    await event(c, hiRxno, me, 'claimed');
    return {
      answer: { verdict: 'claimed', hiRxno, holder: holderOf(mine), fresh: true },
      keep: true,
    };
  }
  const row = (
    await c.query<ClaimRow>(
      'SELECT counter_id, claimed_at, settled_at FROM rx_claims WHERE hi_rxno = $1',
      [hiRxno],
    )
  ).rows[0];
  // Inserted rows are only deleted by their own counter's release, which this one cannot race.
  if (!row) throw new Error(`处方 ${hiRxno} 的领取记录在读取时消失`);
  const holder = holderOf(row);
  if (holder.counterId === me) {
    return { answer: { verdict: 'claimed', hiRxno, holder, fresh: false }, keep: true };
  }
  return {
    answer: {
      verdict: 'refused',
      hiRxno,
      holder,
      ruleId: 'R-STATUS',
      citation: ruleCitationForUsers('R-STATUS'),
      message: heldByAnother(hiRxno, holder),
    },
    keep: false,
  };
}

export async function releaseRx(
  c: Client,
  me: string,
  hiRxno: string,
): Promise<Outcome<RxReleaseAnswer>> {
  const row = (
    await c.query<ClaimRow>(
      'SELECT counter_id, claimed_at, settled_at FROM rx_claims WHERE hi_rxno = $1 FOR UPDATE',
      [hiRxno],
    )
  ).rows[0];
  if (!row || row.counter_id !== me) {
    return { answer: { verdict: 'not-held', hiRxno }, keep: true };
  }
  if (row.settled_at !== null) {
    return {
      answer: {
        verdict: 'refused',
        hiRxno,
        ruleId: 'R-REVERSE',
        citation: ruleCitationForUsers('R-REVERSE'),
        message: `处方 ${hiRxno} 已在本柜台结算，不能释放；已结算的须走退费`,
      },
      keep: false,
    };
  }
  await c.query('DELETE FROM rx_claims WHERE hi_rxno = $1', [hiRxno]);
  await event(c, hiRxno, me, 'released');
  return { answer: { verdict: 'released', hiRxno }, keep: true };
}

export async function heldBy(c: Pick<Client, 'query'>, me: string): Promise<RxHeldAnswer> {
  const rows = await c.query<{ hi_rxno: string; claimed_at: Date }>(
    `SELECT hi_rxno, claimed_at FROM rx_claims WHERE counter_id = $1 AND settled_at IS NULL
     ORDER BY claimed_at LIMIT 500`,
    [me],
  );
  return {
    held: rows.rows.map((r) => ({ hiRxno: r.hi_rxno, claimedAt: ms(r.claimed_at) })),
    serverTime: Date.now(),
  };
}
