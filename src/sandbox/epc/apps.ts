import type { SandboxConfig } from '../config';
import { sandboxHospitals } from '../hospitals';
import type { EpcApp } from './context';

/** The apps the center knows: one per configured hospital (docs/sandbox.md). */
export function registeredApps(config: SandboxConfig): Map<string, EpcApp> {
  return new Map(
    sandboxHospitals(config).map((h) => [
      h.appId,
      {
        appId: h.appId,
        appSecret: h.appSecret,
        publicKey: h.appKeys.publicKey,
        fixmedinsCode: h.fixmedinsCode,
        fixmedinsName: h.fixmedinsName,
        admdvs: h.admdvs,
      },
    ]),
  );
}
