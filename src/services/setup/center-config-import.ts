import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromPem, parseCertificate } from '../../center/x509';
import type { CenterConfigSummary } from '../../contract/types-setup';
import { AppError } from '../../domain/errors';
import { maskToken } from '../../domain/mask';
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from '../../store/private-files';
import { type CenterFile, centerFileSchema } from '../config';
import { describeIssue } from './center-config-fields';
import { CENTER_CONFIG_NAME, centerFolderOf } from './data-folder-mode';

export interface CaFileUpload {
  name: string;
  contentBase64: string;
}

export interface ImportedCenterConfig {
  file: CenterFile;
  /** The CA certificates as written into the data folder (`center/ca-<n>.pem|der`). */
  caFileNames: string[];
}

/** The configuration file's text, checked against centerFileSchema, every problem by field. */
export function parseCenterConfigText(text: string): CenterFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError(
      'VALIDATION',
      '医保中心配置文件不是合法的 JSON，请确认选择的是中心下发的配置文件',
    );
  }
  const r = centerFileSchema.safeParse(json);
  if (r.success) return r.data;
  const issues = r.error.issues.map(describeIssue);
  throw new AppError('VALIDATION', `医保中心配置文件有误：${issues.join('；')}`, {
    detail: issues.join('\n'),
  });
}

/** Each uploaded CA file must hold at least one parseable certificate (PEM or DER). */
export function checkCaFiles(uploads: readonly CaFileUpload[]): Buffer[] {
  return uploads.map((u) => {
    const bytes = Buffer.from(u.contentBase64, 'base64');
    try {
      const text = bytes.toString('latin1');
      parseCertificate(text.includes('-----BEGIN CERTIFICATE-----') ? fromPem(text) : bytes);
    } catch {
      throw new AppError(
        'VALIDATION',
        `CA 证书文件“${u.name}”无法解析：请选择医保部门提供的 CA 证书（PEM 或 DER 格式）`,
      );
    }
    return bytes;
  });
}

/**
 * Writes the configuration (CA files replaced by the copies in the data folder) owner-only.
 * Written last: its presence is what makes the folder a configured real counter.
 */
export function writeCenterConfig(dataDir: string, imported: ImportedCenterConfig): string {
  const folder = centerFolderOf(dataDir);
  ensurePrivateFolder(folder);
  const file = path.join(folder, CENTER_CONFIG_NAME);
  const stored: CenterFile = {
    ...imported.file,
    trust: { ...imported.file.trust, caFiles: imported.caFileNames },
  };
  writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
  return file;
}

/** Copies the CA certificates into `<data>/center/` (owner-only); returns their names there. */
export function writeCaFiles(dataDir: string, files: readonly Buffer[]): string[] {
  const folder = centerFolderOf(dataDir);
  ensurePrivateFolder(folder);
  return files.map((bytes, i) => {
    const name = `ca-${i + 1}.${bytes.toString('latin1').includes('-----BEGIN') ? 'pem' : 'der'}`;
    writeFileSync(path.join(folder, name), bytes, { mode: PRIVATE_FILE_MODE });
    return name;
  });
}

export const SECRETS_NOTE =
  '应用密钥、SM2 私钥、平台公钥和接入令牌已保存到本机数据目录（仅本账户可读），此后不再显示，也不写入日志';

/** What the wizard may show of an imported configuration: no secret, no key, appId masked. */
export function summaryOf(
  imported: ImportedCenterConfig,
  region: { id: string; name: string },
): CenterConfigSummary {
  const c = imported.file;
  return {
    pharmacy: {
      code: c.pharmacy.fixmedinsCode,
      name: c.pharmacy.fixmedinsName,
      admdvs: c.pharmacy.admdvs,
    },
    region,
    fsiUrl: c.fsi.baseUrl,
    epcUrl: c.epc.baseUrl,
    appIdMasked: maskToken(c.epc.appId),
    caFiles: imported.caFileNames,
    crlUrl: c.trust.crlUrl,
    secretsNote: SECRETS_NOTE,
  };
}
