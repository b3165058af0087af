import type { FunctionKey } from '../keyboard/function-keys';

/** Keys of the stock screen; every F-key is taken, and Alt+K/S/F/P belong to the paper screen. */
export const STOCK_KEYS: readonly FunctionKey[] = [
  {
    key: 'Alt+C',
    label: '库存',
    help: '打开或关闭库存页（库存 Kù Cún）：批次、效期预警、进货、退货、报损/报溢、盘存上传及各项上传状态',
    session: true,
  },
  {
    key: 'Alt+J',
    label: '进货',
    help: '库存页：光标移到进货单（药品、批号、有效期、数量、供应商、发票；冷链药品的到货温度和存放位置），扫码枪逐盒扫追溯码，回车入库并上传商品采购（3503）',
    session: true,
  },
  {
    key: 'Alt+T',
    label: '退货/报损/报溢',
    help: '库存页：光标移到所选批次的库存变动（↑↓ 选批次）；退货须逐盒扫所退药盒的追溯码，上传采购退货（3504）；报损/报溢上传库存信息变更（3502）',
    session: true,
  },
  {
    key: 'Alt+A',
    label: '供应商资质',
    help: '库存页：光标移到供应商资质登记（名称、药品经营许可证号、有效期），回车登记或更新；许可证过期的供应商不能进货',
    session: true,
  },
  {
    key: 'Alt+U',
    label: '盘存上传',
    help: '库存页：将现有全部批次上传商品盘存（3501）',
    session: true,
  },
  {
    key: 'Alt+R',
    label: '刷新上传状态',
    help: '库存页：刷新批次与上传列表（排队上传中 / 已上传 / 被拒收及原因）',
    session: true,
  },
];
