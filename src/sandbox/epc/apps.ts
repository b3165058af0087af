import type { SandboxConfig } from '../config';
import type { EpcApp } from './context';

/** The apps the center knows: the configured hospital's app. */
export function registeredApps(config: SandboxConfig): Map<string, EpcApp> {
  const { epc } = config;
  return new Map([
    [
      epc.appId,
      {
        appId: epc.appId,
        appSecret: epc.appSecret,
        publicKey: epc.appKeys.publicKey,
        fixmedinsCode: epc.hospital.fixmedinsCode,
        fixmedinsName: epc.hospital.fixmedinsName,
        admdvs: epc.hospital.admdvs,
      },
    ],
  ]);
}
