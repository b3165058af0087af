import { z } from 'zod';
import policyJson from '../../../config/sandbox-settlement.json' with { type: 'json' };
import { Refusal } from '../refusal';

const fen = z.number().int().nonnegative();
const bp = z.number().int().min(0).max(10_000);
const override = z.object({ deductibleFen: fen, ratioBp: bp, annualCapFen: fen }).partial();

const insutypePolicy = z.object({
  name: z.string().min(1),
  deductibleFen: fen,
  ratioBp: bp,
  annualCapFen: fen,
  personalAccount: z.boolean(),
  acctPaysOwnpay: z.boolean(),
  psnTypes: z.record(z.string(), override).default({}),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** R-PAPER-DUAL as the center applies it to paper outside prescriptions (x_rx_form 'paper'). */
const paperPolicy = z.object({
  /** Last day paper is settled at all (a region's transition period); null = no end. */
  acceptedUntil: isoDate.nullable().default(null),
  /** From this day dual-channel drugs are not settled on paper (national 2025-01-01). */
  dualChannelCutoff: isoDate.default('2025-01-01'),
});

const region = z.object({
  poolarea: z.string().regex(/^\d{2,6}$/),
  name: z.string().min(1),
  poolRequiresRx: z.boolean(),
  insutypes: z.record(z.string(), insutypePolicy),
  payStandardsFen: z.record(z.string(), fen).default({}),
  itemClasses: z
    .record(z.string(), z.object({ chrgitmLv: z.enum(['01', '02']), selfpayBp: bp }))
    .default({}),
  nonCovered: z.array(z.string()).default([]),
  paper: paperPolicy.prefault({}),
});

const policyFile = z.object({ regions: z.array(region).min(1) });

export type RegionPolicy = z.infer<typeof region>;

/** The parameters that apply to one person's settlement (region + insutype + psn_type). */
export interface AppliedPolicy {
  region: RegionPolicy;
  insutype: string;
  insutypeName: string;
  deductibleFen: number;
  ratioBp: number;
  annualCapFen: number;
  personalAccount: boolean;
  acctPaysOwnpay: boolean;
}

let cached: RegionPolicy[] | undefined;

/** config/sandbox-settlement.json, validated once. */
export function settlementRegions(): RegionPolicy[] {
  cached ??= policyFile.parse(policyJson).regions;
  return cached;
}

/** The region whose pool-area prefix is the longest match of the 参保地 division. */
export function regionFor(insuplcAdmdvs: string): RegionPolicy | undefined {
  return settlementRegions()
    .filter((r) => insuplcAdmdvs.startsWith(r.poolarea))
    .sort((a, b) => b.poolarea.length - a.poolarea.length)[0];
}

export function policyFor(insuplcAdmdvs: string, insutype: string, psnType: string): AppliedPolicy {
  const r = regionFor(insuplcAdmdvs);
  if (!r) {
    throw new Refusal(
      `参保地 ${insuplcAdmdvs} 不在沙箱门诊统筹结算范围内（已配置：${settlementRegions()
        .map((x) => x.name)
        .join('、')}）`,
    );
  }
  const p = r.insutypes[insutype];
  if (!p) throw new Refusal(`险种 ${insutype} 不能在${r.name}定点药店结算门诊统筹`);
  const o = p.psnTypes[psnType] ?? {};
  return {
    region: r,
    insutype,
    insutypeName: p.name,
    deductibleFen: o.deductibleFen ?? p.deductibleFen,
    ratioBp: o.ratioBp ?? p.ratioBp,
    annualCapFen: o.annualCapFen ?? p.annualCapFen,
    personalAccount: p.personalAccount,
    acctPaysOwnpay: p.acctPaysOwnpay,
  };
}
