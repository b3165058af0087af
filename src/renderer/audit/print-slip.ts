/** Prints the audit head slip (链尾凭条); the print stylesheet (styles.css) hides everything else. */
export function printAuditSlip(): void {
  const body = document.body;
  body.classList.add('printing-audit-slip');
  window.addEventListener('afterprint', () => body.classList.remove('printing-audit-slip'), {
    once: true,
  });
  window.print();
}
