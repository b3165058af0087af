import { EPC_INTERFACES, type EpcInterfaceName } from '../../../center/epc-interfaces';
import { Refusal } from '../../refusal';
import { EPC_CODES } from '../codes';
import type { EpcRoute } from '../context';
import { hospRxDetlQuery } from './hosp-rx-detl-query';
import { rxChkInfoQuery } from './rx-chk-info-query';
import { rxFileUpld } from './rx-file-upld';
import { rxFixmedinsSign } from './rx-fixmedins-sign';
import { rxSetlInfoQuery } from './rx-setl-info-query';
import { rxUndo } from './rx-undo';
import { uploadChk } from './upload-chk';

const notImplemented =
  (name: string): EpcRoute =>
  () => {
    throw new Refusal(
      `沙箱中心暂未实现接口 ${name}：由“电子处方流转（签名、上传、撤销、审核与取药结果查询）”议题补充`,
      EPC_CODES.notImplemented,
    );
  };

/** The e-prescription center's dispatch table (center-protocol §2), keyed by interface name. */
export const EPC_ROUTES: Readonly<Record<EpcInterfaceName, EpcRoute>> = {
  ...(Object.fromEntries(EPC_INTERFACES.map((n) => [n, notImplemented(n)])) as Record<
    EpcInterfaceName,
    EpcRoute
  >),
  uploadChk,
  rxFixmedinsSign,
  rxFileUpld,
  rxUndo,
  hospRxDetlQuery,
  rxChkInfoQuery,
  rxSetlInfoQuery,
};

export function findEpcRoute(name: string): EpcRoute | null {
  return (EPC_INTERFACES as readonly string[]).includes(name)
    ? EPC_ROUTES[name as EpcInterfaceName]
    : null;
}
