/** Days of shelf life left below which a batch is highlighted (近效期). */
export const NEAR_EXPIRY_DAYS = 180;

/** 'expired' | 'near' | 'ok' for a yyyy-MM-dd expiry on `today` (yyyy-MM-dd). */
export function expiryState(expiry: string, today: string): 'expired' | 'near' | 'ok' {
  if (expiry < today) return 'expired';
  const days = (Date.parse(`${expiry}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days <= NEAR_EXPIRY_DAYS ? 'near' : 'ok';
}

export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
