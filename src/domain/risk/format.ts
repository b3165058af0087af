import { maskIdNumber, maskName } from '../mask';
import { SEED_DOCUMENTS } from '../rules';

/** The national notice the signals come from, as cited in every explanation. */
export const NOTICE_000 = SEED_DOCUMENTS['000'];

export const percent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** 张三 → 张*, 500103198001011234 → 5001**********1234. */
export const maskedPatient = (name: string, certno: string) => ({
  patient: maskName(name),
  certno: maskIdNumber(certno),
});
