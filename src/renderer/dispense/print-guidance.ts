/** Prints the medication guidance sheet; the print stylesheet (styles.css) hides everything else. */
export function printGuidance(): void {
  const body = document.body;
  body.classList.add('printing-guidance');
  window.addEventListener('afterprint', () => body.classList.remove('printing-guidance'), {
    once: true,
  });
  window.print();
}
