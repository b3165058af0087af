import { queuedTransaction, unordered } from './entry';
import { retRslt } from './judges';
import { dataNode, inventoryReply, text } from './schema-parts';

/** Not sent by the counter today; listed so the gateway's whole inventory interface is known. */
export const goodsDelete3507 = queuedTransaction({
  infno: '3507',
  name: '商品信息删除',
  mode: 'queued',
  input: dataNode({ fixmedins_hilist_id: text }),
  output: inventoryReply,
  judge: retRslt(false),
  orderingKey: unordered,
});
