import type { SandboxConfig } from './config';

/** A hospital of the sandbox with its e-prescription center app (one app per institution). */
export interface SandboxHospital {
  fixmedinsCode: string;
  fixmedinsName: string;
  admdvs: string;
  appId: string;
  appSecret: string;
  appKeys: { privateKey: string; publicKey: string };
}

/** `epc.hospital` (with the top-level `epc.appId` app) first, then `epc.hospitals[]`. */
export function sandboxHospitals(config: SandboxConfig): SandboxHospital[] {
  const { epc } = config;
  return [
    { ...epc.hospital, appId: epc.appId, appSecret: epc.appSecret, appKeys: epc.appKeys },
    ...epc.hospitals,
  ];
}

export function findHospital(config: SandboxConfig, code: string): SandboxHospital | undefined {
  return sandboxHospitals(config).find((h) => h.fixmedinsCode === code);
}
