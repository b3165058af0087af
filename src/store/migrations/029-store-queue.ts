/**
 * Migration 029 (issue 17 part A, D42): what a counter of a store owes its store server.
 *
 * - store_queue: returns (退费, 撤销调剂) and offline cash sales, written in the same transaction
 *   as the local change and delivered in order with their own idempotency key, so each reaches
 *   the store server exactly once however often it is sent. A delivered row is kept (done_at).
 * - store_offline_codes: packs sold while the store server was unreachable: 'unconfirmed' until
 *   the store confirms them, or 'clash' when another counter sold the same code meanwhile.
 * - store_clashes: each clash with both sales, for the pharmacist; never deleted (R-TRACE-ONCE).
 */
export const STORE_QUEUE_MIGRATION = `
  CREATE TABLE store_queue (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('return', 'offline_sale')),
    idempotency_key TEXT NOT NULL UNIQUE,
    sale_ref TEXT NOT NULL,
    codes TEXT NOT NULL CHECK (json_valid(codes) AND json_array_length(codes) > 0),
    dispensing_id INTEGER REFERENCES dispensings (id),
    self_pay_sale_id INTEGER REFERENCES self_pay_sales (id),
    created_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    done_at INTEGER,
    CHECK ((kind = 'return') = (dispensing_id IS NOT NULL)),
    CHECK ((kind = 'offline_sale') = (self_pay_sale_id IS NOT NULL))
  ) STRICT;
  CREATE INDEX store_queue_pending ON store_queue (id) WHERE done_at IS NULL;

  CREATE TABLE store_offline_codes (
    queue_id INTEGER NOT NULL REFERENCES store_queue (id),
    code TEXT NOT NULL,
    med_list_codg TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'unconfirmed' CHECK (state IN ('unconfirmed', 'confirmed', 'clash')),
    PRIMARY KEY (queue_id, code)
  ) STRICT;

  CREATE TABLE store_clashes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    queue_id INTEGER NOT NULL REFERENCES store_queue (id),
    code TEXT NOT NULL,
    our_counter TEXT NOT NULL,
    our_sale_ref TEXT NOT NULL,
    our_sold_at INTEGER NOT NULL,
    other_counter TEXT,
    other_sale_ref TEXT,
    other_sold_at INTEGER,
    reason TEXT NOT NULL,
    message TEXT NOT NULL,
    found_at INTEGER NOT NULL,
    UNIQUE (queue_id, code),
    FOREIGN KEY (queue_id, code) REFERENCES store_offline_codes (queue_id, code)
  ) STRICT;
  CREATE TRIGGER store_clashes_kept BEFORE DELETE ON store_clashes
  BEGIN SELECT RAISE(ABORT, '门店追溯码冲突记录不可删除：须由药师核实处理（R-TRACE-ONCE）'); END;
  CREATE TRIGGER store_queue_kept BEFORE DELETE ON store_queue
  BEGIN SELECT RAISE(ABORT, '待送门店服务器的记录不可删除，送达后保留（R-TRACE-ONCE）'); END;
`;
