/** A receipt is on screen (thermal text or a drawn A4 page). */
export function canPrintReceipt(): boolean {
  return document.querySelector('.receipt-print-area')?.hasChildNodes() ?? false;
}

/** Prints only the receipt; the print stylesheet (styles.css) hides everything else. */
export function printReceipt(): void {
  const body = document.body;
  body.classList.add('printing-receipt');
  window.addEventListener('afterprint', () => body.classList.remove('printing-receipt'), {
    once: true,
  });
  window.print();
}
