import fs from 'node:fs';
import path from 'node:path';
import type { AuditAnchor } from '../../domain/audit/audit-anchor';
import { PRIVATE_FILE_MODE } from '../../store/private-files';

export const ANCHOR_FILE_NAME = 'audit-anchor.json';

/**
 * The anchor file `<dataDir>/audit-anchor.json`, replaced atomically (write a temporary file,
 * then rename over the old one) so a crash leaves either the old or the new anchor, never half.
 * Not fsynced: after a power cut the anchor may lag one append behind, which verify reports as
 * "behind" (harmless) rather than as a cut-off tail; fsyncing it would double the cost of
 * every append for no stronger guarantee.
 */
export function createAnchorFile(dataDir: string) {
  const file = path.join(dataDir, ANCHOR_FILE_NAME);
  const temp = `${file}.${process.pid}.tmp`;
  return {
    file,
    read(): AuditAnchor | null | 'unreadable' {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
      }
      try {
        const a = JSON.parse(text) as Partial<AuditAnchor>;
        if (
          Number.isSafeInteger(a.seq) &&
          typeof a.hash === 'string' &&
          /^[0-9a-f]{64}$/.test(a.hash) &&
          typeof a.at === 'number'
        ) {
          return { seq: a.seq as number, hash: a.hash, at: a.at };
        }
      } catch {
        // falls through
      }
      return 'unreadable';
    },
    write(anchor: AuditAnchor): void {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(temp, `${JSON.stringify(anchor)}\n`, { mode: PRIVATE_FILE_MODE });
      fs.renameSync(temp, file);
    },
  };
}

export type AnchorFile = ReturnType<typeof createAnchorFile>;
