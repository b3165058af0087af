import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { createSm3 } from '../../center/crypto/sm3-incremental';
import { PRIVATE_FILE_MODE, PRIVATE_FOLDER_MODE } from '../../store/private-files';

export interface WrittenZip {
  size: number;
  sm3: string;
}

/**
 * A zip written to disk entry by entry (fflate's streaming Zip, synchronous), so an archive
 * of many images never sits in memory whole; its SM3 is computed from the same bytes as they
 * are written. The file appears under its name only when complete (`<name>.part` until then).
 * Every entry carries `entryTime` (the archive's own time, not the moment each entry happens to
 * be written), so the same export gives the same bytes and the same SM3 wherever it runs.
 */
export class ZipFileWriter {
  private readonly zip: Zip;
  private readonly fd: number;
  private readonly partial: string;
  private readonly hash = createSm3();
  private size = 0;
  private failure: Error | null = null;

  constructor(
    private readonly target: string,
    private readonly entryTime: Date,
  ) {
    mkdirSync(path.dirname(target), { recursive: true, mode: PRIVATE_FOLDER_MODE });
    this.partial = `${target}.part`;
    this.fd = openSync(this.partial, 'w', PRIVATE_FILE_MODE);
    this.zip = new Zip((err, chunk) => {
      if (err) {
        this.failure = err;
        return;
      }
      writeSync(this.fd, chunk);
      this.hash.update(chunk);
      this.size += chunk.length;
    });
  }

  /** Already-compressed content (JPEG, PNG, PDF images) is stored as is. */
  addStored(name: string, bytes: Uint8Array): void {
    this.push(new ZipPassThrough(name), bytes);
  }

  addDeflated(name: string, bytes: Uint8Array): void {
    this.push(new ZipDeflate(name, { level: 6 }), bytes);
  }

  finish(): WrittenZip {
    this.zip.end();
    this.check();
    closeSync(this.fd);
    renameSync(this.partial, this.target);
    return { size: this.size, sm3: this.hash.hex() };
  }

  /** Leaves nothing behind: an interrupted export must not look like a submission. */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed by finish()
    }
    rmSync(this.partial, { force: true });
  }

  private push(entry: ZipPassThrough | ZipDeflate, bytes: Uint8Array): void {
    entry.mtime = this.entryTime;
    this.zip.add(entry);
    entry.push(bytes, true);
    this.check();
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
