import { sm3Hex } from '../center/crypto';
import { oneTimeCredentialPaths, QUEUED_INFNOS } from '../center/transactions';
import type { OutboxRepository } from '../store/outbox-repository';
import type { SettingsRepository } from '../store/settings-repository';

/** What a redacted credential looks like in a delivered body: its SM3 digest, never the value. */
export const REDACTED_PREFIX = 'sm3:';

/**
 * The body of a delivered item with each one-time credential replaced by `sm3:<digest>`, or null
 * when it carries none (or they are already redacted). The digest still proves which token was
 * used, given the token; the token itself cannot be read back.
 */
export function redactedBody(infno: string, body: string): string | null {
  const paths = oneTimeCredentialPaths(infno);
  if (paths.length === 0) return null;
  const request = JSON.parse(body) as { input?: unknown };
  let changed = false;
  for (const path of paths) {
    const keys = path.split('.');
    const last = keys.pop();
    let node: unknown = request.input;
    for (const key of keys) node = isRecord(node) ? node[key] : undefined;
    if (!last || !isRecord(node)) continue;
    const value = node[last];
    if (typeof value !== 'string' || value.startsWith(REDACTED_PREFIX)) continue;
    node[last] = `${REDACTED_PREFIX}${sm3Hex(Buffer.from(value, 'utf8'))}`;
    changed = true;
  }
  return changed ? JSON.stringify(request) : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type RedactingRepository = Pick<OutboxRepository, 'redactDeliveredBody' | 'deliveredNotRedacted'>;

/** Called in the commit that marks an item delivered. */
export function redactDeliveredItem(
  repo: RedactingRepository,
  item: { id: number; infno: string; body: string },
): void {
  const body = redactedBody(item.infno, item.body);
  if (body) repo.redactDeliveredBody(item.id, body);
}

/**
 * Items delivered before this rule existed. Needed once per database: since migration 18 every
 * delivery redacts in its own commit, so later starts skip the scan of the delivered outbox.
 */
export function redactDeliveredBacklogOnce(
  repo: RedactingRepository,
  settings: Pick<SettingsRepository, 'get' | 'set'>,
): void {
  if (settings.get<boolean>(BACKLOG_SWEPT)) return;
  redactDeliveredBacklog(repo);
  settings.set(BACKLOG_SWEPT, true);
}

const BACKLOG_SWEPT = 'outbox.credentialBacklogSwept';

/** Every delivered item whose one-time credentials are still in its body. */
export function redactDeliveredBacklog(repo: RedactingRepository): number {
  const infnos = QUEUED_INFNOS.filter((infno) => oneTimeCredentialPaths(infno).length > 0);
  const items = repo.deliveredNotRedacted(infnos);
  for (const item of items) redactDeliveredItem(repo, item);
  return items.length;
}
