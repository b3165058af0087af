import { syncTransaction } from './entry';
import { infcodeOnly } from './judges';
import { supervisionInput, supervisionOutput } from './supervision-3101';

/**
 * 3102 明细审核事中分析服务 (R-SUPERVISE): the settlement's own lines, checked by the platform's
 * intelligent-supervision subsystem at the moment of settlement, just before 2102 (事中). Its
 * findings may differ from the 3101 check made at preview: the platform then knows purchases
 * settled since. No effect at the center beyond recording its findings.
 */
export const supervisionCheck3102 = syncTransaction({
  infno: '3102',
  name: '明细审核事中分析服务',
  mode: 'sync',
  input: supervisionInput,
  output: supervisionOutput,
  judge: infcodeOnly,
});
