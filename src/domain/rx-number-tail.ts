/** The last digits of a prescription number, as the counter reads them aloud: 尾号 000015. */
export function rxnoTail(hiRxno: string): string {
  return hiRxno.slice(-6);
}
