import { z } from 'zod';
import { storeAuditProtocol } from './store-protocol-audit';
import { storeCashProtocol } from './store-protocol-cash';
import {
  confirmLine,
  idempotencyKey,
  medListCodg,
  packCode,
  saleRef,
} from './store-protocol-fields';
import { storeLoginProtocol } from './store-protocol-login';
import { storeOutboxProtocol } from './store-protocol-outbox';
import { storePaperProtocol } from './store-protocol-paper';
import { hiRxno, storeRxProtocol } from './store-protocol-rx';
import { storeSettlementsProtocol } from './store-protocol-settlements';
import { storeStaffProtocol } from './store-protocol-staff';
import { storeStockProtocol } from './store-protocol-stock';
import type {
  CenterRefusedReport,
  ConfirmAnswer,
  ReleaseAnswer,
  ReserveAnswer,
  ReturnAnswer,
  StoreStatusAnswer,
} from './types-store';

/**
 * The store server's methods (issue 17, docs/store-server.md), in the style of contract.ts: one
 * entry per method with its zod input schema and its answer type. Every mutation carries an
 * idempotency key: a retry with the same key gets the first answer and changes nothing again.
 * Transport: POST /v1/<method>, JSON, signed per counter (store-protocol-auth.ts).
 */
export { idempotencyKey };

export const storeProtocol = {
  /** Reachability and who the counter is talking to; no change. */
  'store.status': {
    input: z.object({}).strict(),
    output: {} as StoreStatusAnswer,
    mutates: false,
  },
  /** A scan: reserves the pack for this dispensing, or refuses it (sold, held elsewhere, refused by the center). */
  'codes.reserve': {
    input: z
      .object({
        idempotencyKey,
        code: packCode,
        medListCodg,
        saleRef,
        /** The pack is one this counter opened and sold before (拆零 continued): no new sale. */
        reusePack: z.boolean(),
      })
      .strict(),
    output: {} as ReserveAnswer,
    mutates: true,
  },
  /** A scanned line removed, or the dispensing abandoned (codes omitted: every code of it). */
  'codes.release': {
    input: z
      .object({ idempotencyKey, saleRef, codes: z.array(packCode).max(500).nullable() })
      .strict(),
    output: {} as ReleaseAnswer,
    mutates: true,
  },
  /**
   * Completion: every pack becomes a live sale in one transaction, or none does. `settlesRx`: a
   * sale against a prescription without a dispensing (门特, 自费结算, D57) settles this counter's
   * claim of it in the same commit.
   */
  'codes.confirm': {
    input: z
      .object({
        idempotencyKey,
        saleRef,
        lines: z.array(confirmLine).min(1).max(500),
        settlesRx: hiRxno.optional(),
      })
      .strict(),
    output: {} as ConfirmAnswer,
    mutates: true,
  },
  /** A refund or an undone completion: the packs leave the live set and may be sold again. */
  'codes.return': {
    input: z.object({ idempotencyKey, saleRef, codes: z.array(packCode).min(1).max(500) }).strict(),
    output: {} as ReturnAnswer,
    mutates: true,
  },
  /** A code the center refused as sold elsewhere (7207/3505): refused at every counter from now on. */
  'codes.centerRefused': {
    input: z
      .object({
        idempotencyKey,
        code: packCode,
        centerMessage: z.string().min(1).max(1000),
        infno: z.enum(['7207', '3505']),
        msgid: z.string().min(1).max(64),
        refusedAt: z.number().int().positive(),
      })
      .strict(),
    output: {} as CenterRefusedReport,
    mutates: true,
  },
  ...storeRxProtocol,
  ...storeSettlementsProtocol,
  ...storeStockProtocol,
  ...storeAuditProtocol,
  ...storeStaffProtocol,
  ...storeCashProtocol,
  ...storeOutboxProtocol,
  ...storePaperProtocol,
  ...storeLoginProtocol,
} as const;

export type StoreMethod = keyof typeof storeProtocol;
export type StoreInput<M extends StoreMethod> = z.infer<(typeof storeProtocol)[M]['input']>;
export type StoreOutput<M extends StoreMethod> = (typeof storeProtocol)[M]['output'];

/** The largest request the store server reads (a confirm of 500 packs fits well inside). */
export const STORE_MAX_REQUEST_BYTES = 128 * 1024;
