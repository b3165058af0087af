import { closeSync, openSync, readSync } from 'node:fs';
import type { DesktopTarget } from './desktop-targets';

/** ELF e_machine and PE machine values of the architectures we package. */
const ELF_MACHINE: Record<number, DesktopTarget['arch']> = { 62: 'x64', 183: 'arm64' };
const PE_MACHINE: Record<number, DesktopTarget['arch']> = { 34404: 'x64', 43620: 'arm64' };

/**
 * Which platform and arch a compiled `.node` file is for, from its header: an ELF shared object
 * (Linux) or a PE DLL (Windows). Null for anything else. This is what catches a Linux build
 * packed into the Windows installer.
 */
export function nativeBinaryTarget(header: Buffer): DesktopTarget | null {
  if (header.length >= 20 && header.readUInt32BE(0) === 0x7f454c46) {
    const littleEndian = header[5] === 1;
    const machine = littleEndian ? header.readUInt16LE(18) : header.readUInt16BE(18);
    const arch = ELF_MACHINE[machine];
    return arch ? { platform: 'linux', arch } : null;
  }
  if (header.length >= 0x40 && header.toString('latin1', 0, 2) === 'MZ') {
    const pe = header.readUInt32LE(0x3c);
    if (pe + 6 > header.length || header.toString('latin1', pe, pe + 4) !== 'PE\0\0') return null;
    const arch = PE_MACHINE[header.readUInt16LE(pe + 4)];
    return arch ? { platform: 'win32', arch } : null;
  }
  return null;
}

/** Reads enough of a file's start for `nativeBinaryTarget` (PE headers sit within 4 KB). */
export function readBinaryHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Which Node ABI a compiled module was built against, from the entry symbol its `NODE_MODULE`
 * macro exports (`node_register_module_v<ABI>`); 'napi' for a Node-API module, which loads in
 * any runtime; null when neither is found. better-sqlite3 is not Node-API: a build made with
 * this machine's Node (ABI 115 on Node 20) fails to load in Electron 45 (ABI 150).
 */
export function nativeModuleAbi(binary: Buffer): number | 'napi' | null {
  const text = binary.toString('latin1');
  const versioned = /node_register_module_v(\d+)/.exec(text);
  if (versioned?.[1]) return Number(versioned[1]);
  return text.includes('napi_register_module_v1') ? 'napi' : null;
}
