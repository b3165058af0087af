import { EPC_ENVELOPE_CODES, EPC_FRESHNESS_CODES } from '../../center/epc-refusals';

/**
 * The sandbox e-prescription center's reply codes (`code` of the envelope). 0 is the only
 * value the public record fixes; the others are ours (docs/sandbox.md lists them).
 */
export const EPC_CODES = {
  ok: 0,
  /**
   * 1001 the envelope cannot be read (missing fields, bad JSON, wrong algorithm names); 1002
   * unknown appId; 1003 encData does not decrypt with the app's key; 1004 signData does not
   * verify with the app's public key.
   */
  ...EPC_ENVELOPE_CODES,
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
