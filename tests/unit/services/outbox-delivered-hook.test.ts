import { describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../../../src/services/outbox-worker';
import { openDatabase } from '../../../src/store/database';
import { type OutboxItem, OutboxRepository } from '../../../src/store/outbox-repository';

describe('outbox delivered-hooks', () => {
  it('runs the hook of the item’s infno once, after it is marked delivered; a failing hook is reported, not retried [ARCH]', async () => {
    const repo = new OutboxRepository(openDatabase(':memory:'));
    const seen: Array<[string, unknown, string | undefined]> = [];
    const errors: unknown[] = [];
    const worker = createOutboxWorker({
      repo,
      send: async (item) => ({ kind: 'delivered', response: { output: item.msgid } }),
      onDelivered: {
        '7206': (item: OutboxItem, response) => {
          seen.push([item.msgid, response, repo.get(item.id)?.status]);
        },
        '9002': () => {
          throw new Error('hook failed');
        },
      },
      onError: (err) => errors.push(err),
    });
    repo.enqueue({ msgid: 'A', channel: 'fsi', infno: '7206', body: '{}' });
    repo.enqueue({ msgid: 'B', channel: 'fsi', infno: '3505', body: '{}' });
    repo.enqueue({ msgid: 'C', channel: 'fsi', infno: '9002', body: '{}' });
    expect(await worker.drainOnce()).toMatchObject({ delivered: 3, retried: 0 });
    expect(seen).toEqual([['A', { output: 'A' }, 'delivered']]);
    expect(errors).toHaveLength(1);
    expect(repo.findByMsgid('C')?.status).toBe('delivered');
    await worker.drainOnce();
    expect(seen).toHaveLength(1);
  });
});
