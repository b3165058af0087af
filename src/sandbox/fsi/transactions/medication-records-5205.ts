import { dateTime } from '../../../center/clock';
import { Refusal } from '../../refusal';
import { type FsiTransaction, field, inputData, requireField } from '../context';

const DAY = 86_400_000;

/**
 * Demo history the center knows of for one demo patient (李秀英, chronic patient): dispensings at
 * other pharmacies, relative to the center's clock (5205, and 3101's duplicate-purchase rule). The sandbox's 7207 does not record sales yet;
 * when it does, its records join these.
 */
export const DEMO_RECORDS: Record<
  string,
  ReadonlyArray<{ daysAgo: number; codg: string; name: string; cnt: number; days: number }>
> = {
  '50000000000000000002': [
    { daysAgo: 10, codg: 'XC08CAA010A001010201587', name: '苯磺酸氨氯地平片', cnt: 1, days: 28 },
    { daysAgo: 75, codg: 'XA10BAA115A001010104107', name: '盐酸二甲双胍片', cnt: 3, days: 30 },
  ],
};

/** 5205 人员慢特病用药记录查询: input psn_no, begntime, endtime; output `feedetail` (docs/sandbox.md). */
export const medicationRecords5205: FsiTransaction = {
  name: '人员慢特病用药记录查询',
  requiresSignIn: true,
  run(ctx) {
    const data = inputData(ctx);
    const psnNo = requireField(data, 'psn_no', '人员编号');
    const begn = requireField(data, 'begntime', '开始时间');
    const end = field(data, 'endtime') || dateTime(ctx.now);
    if (begn > end) throw new Refusal('开始时间不能晚于结束时间');
    const feedetail = (DEMO_RECORDS[psnNo] ?? [])
      .map((r, i) => ({ r, i, at: dateTime(new Date(ctx.now.getTime() - r.daysAgo * DAY)) }))
      .filter(({ at }) => at >= begn && at <= end)
      .map(({ r, i, at }) => ({
        feedetl_sn: `SBX5205${psnNo.slice(-4)}${String(i + 1).padStart(4, '0')}`,
        rx_drord_no: `SBXRX${psnNo.slice(-4)}${String(i + 1).padStart(4, '0')}`,
        fixmedins_code: 'P50010300002',
        fixmedins_name: '沙箱第二大药房',
        psn_no: psnNo,
        med_type: '14',
        fee_ocur_time: at,
        cnt: r.cnt,
        pric: 0,
        hilist_code: r.codg,
        hilist_name: r.name,
        med_list_codg: r.codg,
        prd_days: r.days,
      }));
    return { output: { feedetail } };
  },
};
