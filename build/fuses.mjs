// The Electron fuses the packaged counter ships with (docs/desktop.md "Fuses"), flipped into the
// binary by build/after-pack.cjs. Plain JavaScript so electron-builder's hook needs no build step.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

export function desktopFuses() {
  return {
    version: FuseVersion.V1,
    // ELECTRON_RUN_AS_NODE would turn the signed binary into a general Node interpreter.
    [FuseV1Options.RunAsNode]: false,
    // NODE_OPTIONS (--require, --inspect …) from the environment is ignored.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    // --inspect / --inspect-brk on the command line are ignored: no debugger into the backend.
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // app.asar is checked against the hash electron-builder records at packaging time.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    // Only resources/app.asar is loaded, never a loose resources/app folder put beside it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}
