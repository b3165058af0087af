import { EPC_FRESHNESS_CODES } from '../../center/epc-refusals';

/**
 * The sandbox e-prescription center's reply codes (`code` of the envelope). 0 is the only
 * value the public record fixes; the others are ours (docs/sandbox.md lists them).
 */
export const EPC_CODES = {
  ok: 0,
  /** The envelope cannot be read (missing fields, bad JSON, wrong algorithm names). */
  malformed: 1001,
  /** Unknown appId. */
  wrongApp: 1002,
  /** encData does not decrypt with the app's key. */
  badCipher: 1003,
  /** signData does not verify with the app's public key. */
  badSignature: 1004,
  /** `timestamp` outside the freshness window; the same request again (center-protocol §2). */
  ...EPC_FRESHNESS_CODES,
  /** Business input missing or invalid. */
  validation: 2001,
  /** The record asked for does not exist (or belongs to another institution). */
  notFound: 2004,
  /** The request conflicts with the record's state (e.g. duplicate hospRxno). */
  conflict: 2009,
  /** The interface exists on the platform but the sandbox does not implement it yet. */
  notImplemented: 2999,
  /** Unexpected failure inside the sandbox. */
  system: 9999,
} as const;
