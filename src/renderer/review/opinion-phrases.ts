/** Standard review opinions (R-OPINION) a pharmacist inserts with Ctrl+Shift+1…4 or a click. */
export const OPINION_PHRASES = [
  '处方合理，用法用量适宜，无配伍禁忌',
  '已核对患者身份与处方信息，药品、剂量、数量与诊断相符',
  '已告知用法用量、注意事项及不良反应',
  '用法用量不适宜，请开方医师修改后重新开具',
] as const;

/** The opinion with a phrase added: on its own when empty, else after a '；'. */
export function withPhrase(opinion: string, phrase: string): string {
  const kept = opinion.trimEnd();
  if (kept === '') return phrase;
  if (kept.includes(phrase)) return kept;
  return `${kept.replace(/[；;，,。]$/, '')}；${phrase}`;
}

/** Which phrase a key event asks for (Ctrl+Shift+1…4), or null. */
export function phraseOfKey(ev: {
  code: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): string | null {
  const m = /^Digit([1-9])$/.exec(ev.code);
  if (!m || !ev.ctrlKey || !ev.shiftKey || ev.altKey) return null;
  return OPINION_PHRASES[Number(m[1]) - 1] ?? null;
}
