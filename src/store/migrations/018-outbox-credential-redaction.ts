/**
 * Migration 18: one-time credentials leave delivered outbox bodies (issue 14, data protection).
 *
 * A queued request stays frozen while the center may still need its exact bytes (the msgid is
 * the idempotency key of a resend). Once the center has it, the pharmacist's e-voucher token in a
 * 7206 body is no longer needed and must not sit readable for two years: the body may change
 * exactly once, after delivery, recorded in `credentials_redacted_at` (the code replaces each
 * credential by its SM3 digest, so which token was used can still be proven).
 */
export const OUTBOX_CREDENTIAL_REDACTION_MIGRATION = `
  ALTER TABLE outbox ADD COLUMN credentials_redacted_at INTEGER;

  DROP TRIGGER outbox_request_frozen;
  CREATE TRIGGER outbox_request_frozen
  BEFORE UPDATE OF msgid, channel, infno, body, ordering_key, created_at ON outbox
  WHEN NEW.msgid IS NOT OLD.msgid OR NEW.channel IS NOT OLD.channel OR NEW.infno IS NOT OLD.infno
    OR NEW.ordering_key IS NOT OLD.ordering_key OR NEW.created_at IS NOT OLD.created_at
    OR (NEW.body IS NOT OLD.body
        AND NOT (OLD.status = 'delivered' AND OLD.credentials_redacted_at IS NULL
                 AND NEW.credentials_redacted_at IS NOT NULL))
  BEGIN
    SELECT RAISE(ABORT, '外发队列中的请求已冻结，不可修改');
  END;

  CREATE TRIGGER outbox_redaction_once
  BEFORE UPDATE OF credentials_redacted_at ON outbox
  WHEN OLD.credentials_redacted_at IS NOT NULL
    OR (NEW.credentials_redacted_at IS NOT NULL AND OLD.status <> 'delivered')
  BEGIN
    SELECT RAISE(ABORT, '外发请求仅在送达后脱敏一次');
  END;
`;
