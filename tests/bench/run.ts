import { benchColdStart } from './cold-start';
import { benchCrypto } from './crypto';
import { benchOffline } from './offline';
import { benchOutbox } from './outbox';
import { benchPaper } from './paper';
import { benchRxVerify } from './rx-verify';
import { benchScanVerdict } from './scan-verdict';
import { benchScannerFidelity } from './scanner-fidelity';
import { benchSettle } from './settle';
import { type BenchRow, formatTable } from './table';

/** `npm run bench`: every performance figure the issues name, printed as one table. */
const suites: Array<[string, () => Promise<BenchRow[]>]> = [
  ['crypto', benchCrypto],
  ['outbox', benchOutbox],
  ['rx verify', benchRxVerify],
  ['cold start', () => benchColdStart()],
  ['scan verdict', benchScanVerdict],
  ['scanner fidelity', benchScannerFidelity],
  ['settlement', benchSettle],
  ['paper', benchPaper],
  ['offline', benchOffline],
];

const rows: BenchRow[] = [];
for (const [name, run] of suites) {
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await run()));
}
console.log(`\nmachine: ${process.version}, ${process.platform}/${process.arch}\n`);
console.log(formatTable(rows));
