import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A throwaway PostgreSQL cluster for development, tests and the bench (issue 17): initdb in a
 * temporary folder, started on a free port on 127.0.0.1 only, one database `store`, trust
 * authentication (nothing but loopback can reach it). `stop()` stops it and deletes the folder.
 *
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` OS user and
 * every server command runs through `runuser -u postgres --`.
 */
export interface PgCluster {
  url: string;
  port: number;
  dir: string;
  stop(): void;
}

export interface PgClusterOptions {
  /** fsync off, for test suites that never crash the database itself; never for the bench. */
  fastUnsafe?: boolean;
  /**
   * wal_level=logical and room for replication slots and workers, for the head office's logical
   * replication from store databases (docs/store-server.md, "Beyond one store"). Off by default:
   * the other suites keep the cluster they have always had.
   */
  logicalReplication?: boolean;
}

/** The folder holding initdb/pg_ctl: $PG_BIN, the PATH, or Debian's /usr/lib/postgresql/<v>/bin. */
export function findPgBin(): string | null {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv && existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  // Resolved: /usr/local/bin may link initdb alone, without pg_ctl's siblings (createdb).
  if (which.status === 0 && which.stdout.trim())
    return path.dirname(realpathSync(which.stdout.trim()));
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : null;
}

export const PG_MISSING_MESSAGE =
  '找不到 PostgreSQL（initdb）：请安装 Debian 的 postgresql 软件包（apt-get install postgresql），或设置 PG_BIN 指向其 bin 目录';

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error(PG_MISSING_MESSAGE);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'store-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args];
    const r = spawnSync(file, argv, { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(`${cmd} 失败（退出码 ${r.status}）：${r.stderr || r.stdout}`);
    }
  };
  let started = false;
  const stop = () => {
    if (started) {
      spawnSync(
        asRoot ? 'runuser' : path.join(bin, 'pg_ctl'),
        [
          ...(asRoot ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl')] : []),
          '-D',
          data,
          '-m',
          'immediate',
          '-w',
          'stop',
        ],
        { encoding: 'utf8' },
      );
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale']);
    const port = await freePort();
    const settings = [
      `-c listen_addresses=127.0.0.1`,
      `-c port=${port}`,
      `-c unix_socket_directories=${dir}`,
      '-c max_connections=200',
      ...(options.fastUnsafe
        ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']
        : []),
      ...(options.logicalReplication
        ? [
            '-c wal_level=logical',
            '-c max_replication_slots=20',
            '-c max_wal_senders=20',
            '-c max_logical_replication_workers=12',
            '-c max_worker_processes=20',
            // a subscription whose store was unreachable tries again after a second, not five
            '-c wal_retrieve_retry_interval=1s',
          ]
        : []),
    ].join(' ');
    run('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'server.log'), '-w', 'start']);
    started = true;
    run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'store']);
    return { url: `postgres://postgres@127.0.0.1:${port}/store`, port, dir, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}
