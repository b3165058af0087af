import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from '../../store/private-files';

/**
 * Which center a data folder belongs to, decided once and kept in the folder: the real center
 * (its configuration file, imported by the set-up wizard) or the demo/training sandbox. A folder
 * never changes sides: demo accounts must not reach a real counter's database.
 */
export const CENTER_FOLDER = 'center';
export const CENTER_CONFIG_NAME = 'center.json';
const DEMO_MARKER_NAME = 'demo-mode.json';

export type StartMode =
  | { kind: 'real'; centerConfigFile: string }
  | { kind: 'demo'; sandboxUrl?: string }
  | { kind: 'setup' };

/** Reads EPC_MODE, EPC_CENTER_CONFIG and EPC_SANDBOX_URL (process.env or a test's own). */
export type StartEnv = Readonly<Record<string, string | undefined>>;

export const centerFolderOf = (dataDir: string) => path.join(dataDir, CENTER_FOLDER);
export const storedCenterConfigOf = (dataDir: string) =>
  path.join(centerFolderOf(dataDir), CENTER_CONFIG_NAME);
const demoMarkerOf = (dataDir: string) => path.join(centerFolderOf(dataDir), DEMO_MARKER_NAME);

export function storedMode(dataDir: string): 'real' | 'demo' | null {
  if (existsSync(storedCenterConfigOf(dataDir))) return 'real';
  if (existsSync(demoMarkerOf(dataDir))) return 'demo';
  return null;
}

/** Marks the folder as a demo/training counter (written before any demo account is seeded). */
export function markDemoFolder(dataDir: string): void {
  if (storedMode(dataDir) === 'real') throw new Error(REAL_FOLDER_NOT_DEMO);
  ensurePrivateFolder(centerFolderOf(dataDir));
  const marker = demoMarkerOf(dataDir);
  if (!existsSync(marker)) {
    writeFileSync(
      marker,
      `${JSON.stringify({ mode: 'demo', since: new Date().toISOString() })}\n`,
      {
        mode: PRIVATE_FILE_MODE,
      },
    );
  }
}

const REAL_FOLDER_NOT_DEMO =
  '此数据目录已连接真实医保中心，不能以演示/培训模式启动（演示账号不得进入真实柜台的数据库）；演示请另用一个数据目录（EPC_DATA_DIR）';

/**
 * The explicit choice wins (EPC_CENTER_CONFIG: that real center; EPC_MODE=demo or a running
 * sandbox's URL: demo), except that a folder already set up for the real center never runs
 * demo. Otherwise the folder's own record decides, and a folder without one shows the wizard.
 */
export function resolveStartMode(env: StartEnv, dataDir: string): StartMode {
  const requested = env.EPC_MODE?.trim() || undefined;
  if (requested && !['demo', 'setup'].includes(requested)) {
    throw new Error(
      `EPC_MODE 只能是 demo（演示/培训）或 setup（首次设置向导），而不是“${requested}”`,
    );
  }
  if (env.EPC_CENTER_CONFIG) return { kind: 'real', centerConfigFile: env.EPC_CENTER_CONFIG };
  const stored = storedMode(dataDir);
  const sandboxUrl = env.EPC_SANDBOX_URL || undefined;
  const wantsDemo = requested === 'demo' || sandboxUrl !== undefined;
  if (stored === 'real') {
    if (wantsDemo) throw new Error(REAL_FOLDER_NOT_DEMO);
    return { kind: 'real', centerConfigFile: storedCenterConfigOf(dataDir) };
  }
  if (stored === 'demo' || wantsDemo)
    return { kind: 'demo', ...(sandboxUrl ? { sandboxUrl } : {}) };
  return { kind: 'setup' };
}
