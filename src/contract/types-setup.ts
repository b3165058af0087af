/** The first-run set-up wizard (issue 14): what it shows, never a secret or a key. */

export type SetupPhase = 'setup' | 'configured';

/** The imported center configuration as the wizard may show it: no secret, appId masked. */
export interface CenterConfigSummary {
  pharmacy: { code: string; name: string; admdvs: string };
  /** The region pack the pool area selects; an administrator may later only narrow it (R-REGION). */
  region: { id: string; name: string };
  fsiUrl: string;
  epcUrl: string;
  appIdMasked: string;
  caFiles: string[];
  crlUrl: string | null;
  /** Said once: secrets and keys were stored and are never shown again. */
  secretsNote: string;
}

export interface SetupStatus {
  phase: SetupPhase;
  imported: CenterConfigSummary | null;
  connectionOk: boolean;
  adminCreated: boolean;
}

export type ConnectionStepId = 'fsi' | 'epc' | 'ca' | 'crl';

export interface ConnectionStep {
  step: ConnectionStepId;
  label: string;
  ok: boolean;
  /** A Chinese verdict: what was checked, or what failed and what to do. */
  message: string;
}

export interface ConnectionReport {
  allOk: boolean;
  steps: ConnectionStep[];
}

export interface SetupDone {
  mode: 'real' | 'demo';
}

/** The wizard's 单柜台 / 门店柜台 choice (issue 17). */
export type StoreLinkChoiceInput =
  | { mode: 'single' }
  | { mode: 'counter'; url: string; counterId: string; secret: string };

export type StoreLinkChoice =
  | { mode: 'single'; message: string }
  | { mode: 'counter'; counterId: string; message: string };
