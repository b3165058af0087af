import { benchAudit } from './audit';
import { benchBackendProcess } from './backend-process';
import { benchColdStart } from './cold-start';
import { benchCrypto } from './crypto';
import { benchLayout } from './layout';
import { benchDrain, benchOffline } from './offline';
import { benchOutbox } from './outbox';
import { benchPaper } from './paper';
import { benchReports } from './reports';
import { benchRisk } from './risk';
import { benchRxReverify } from './rx-reverify';
import { benchRxVerify } from './rx-verify';
import { benchScanVerdict } from './scan-verdict';
import { benchScannerFidelity } from './scanner-fidelity';
import { benchSettle } from './settle';
import { benchStoreServer } from './store-server';
import { benchStoreStock } from './store-stock';
import { type BenchRow, formatTable, formatVerdicts } from './table';

/** `npm run bench`: every performance figure the issues name, printed as one table. */
const suites: Array<[string, () => Promise<BenchRow[]>]> = [
  ['crypto', benchCrypto],
  ['outbox', benchOutbox],
  ['rx verify', benchRxVerify],
  ['rx reverify', benchRxReverify],
  ['cold start', () => benchColdStart()],
  ['scan verdict', benchScanVerdict],
  ['scanner fidelity', benchScannerFidelity],
  ['settlement', benchSettle],
  ['paper', benchPaper],
  ['offline', benchOffline],
  ['drain', benchDrain],
  ['audit', benchAudit],
  ['backend process', benchBackendProcess],
  ['reports', benchReports],
  ['risk', benchRisk],
  ['layout', benchLayout],
  ['store server', benchStoreServer],
  ['store stock', benchStoreStock],
];

// `npm run bench -- reports outbox`: only the named suites (all when none is named).
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !suites.some(([name]) => name === w));
if (unknown.length > 0) {
  console.error(
    `unknown suite(s): ${unknown.join(', ')}; known: ${suites.map(([n]) => n).join(', ')}`,
  );
  process.exit(2);
}
const rows: BenchRow[] = [];
for (const [name, run] of suites.filter(([n]) => wanted.length === 0 || wanted.includes(n))) {
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await run()));
}
console.log(`\nmachine: ${process.version}, ${process.platform}/${process.arch}\n`);
console.log(formatTable(rows));
const verdicts = formatVerdicts(rows);
if (verdicts) console.log(`\n${verdicts}`);
