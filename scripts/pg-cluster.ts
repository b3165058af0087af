import { spawn } from 'node:child_process';
import { startPgCluster } from './lib/pg-cluster';

/**
 * `node --import tsx scripts/pg-cluster.ts [--logical] [command …]`: a throwaway PostgreSQL
 * cluster for development (`--logical`: wal_level=logical, for trying the head office's
 * replication, docs/store-server.md "Beyond one store"). Without a command it prints STORE_DATABASE_URL and keeps the cluster until Ctrl-C;
 * with one it runs the command with STORE_DATABASE_URL set and stops the cluster when it ends.
 * Either way the cluster and its folder are deleted on exit.
 */
const logical = process.argv[2] === '--logical';
const cluster = await startPgCluster({ logicalReplication: logical });
let stopped = false;
const stop = () => {
  if (stopped) return;
  stopped = true;
  cluster.stop();
};
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stop();
    process.exit(130);
  });
}

const [command, ...args] = process.argv.slice(logical ? 3 : 2);
if (command) {
  const child = spawn(command, args, {
    stdio: 'inherit',
    env: { ...process.env, STORE_DATABASE_URL: cluster.url },
  });
  child.on('exit', (code) => {
    stop();
    process.exit(code ?? 1);
  });
} else {
  console.log(`STORE_DATABASE_URL=${cluster.url}`);
  console.log(`PostgreSQL 临时集群已启动（${cluster.dir}）；按 Ctrl-C 停止并删除`);
  setInterval(() => {}, 1 << 30);
}
