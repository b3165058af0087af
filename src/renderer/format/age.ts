/** How long ago, for a status line: '刚刚', '45秒前', '12分钟前'. */
export function formatAgo(ms: number): string {
  const age = formatAge(ms);
  return age === '刚刚' ? age : `${age}前`;
}

/** A duration for the outbox chip: '刚刚', '45秒', '12分钟', '3小时', '2天'. */
export function formatAge(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 5) return '刚刚';
  if (s < 60) return `${s}秒`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}分钟`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}小时`;
  return `${Math.floor(h / 24)}天`;
}
