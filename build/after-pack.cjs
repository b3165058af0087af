// electron-builder afterPack hook: flips the Electron fuses (build/fuses.mjs) in the packed
// binary, before electron-builder signs it and wraps it into the installer.
const path = require('node:path');

/** The Electron executable electron-builder wrote into appOutDir for this platform. */
function executableOf(context) {
  const { packager, electronPlatformName, appOutDir } = context;
  if (electronPlatformName === 'win32') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  }
  if (electronPlatformName === 'linux') return path.join(appOutDir, packager.executableName);
  throw new Error(`未配置 ${electronPlatformName} 的 Electron fuses`);
}

exports.default = async function afterPack(context) {
  const { flipFuses } = await import('@electron/fuses');
  const { desktopFuses } = await import('./fuses.mjs');
  await flipFuses(executableOf(context), desktopFuses());
};
