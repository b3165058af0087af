/**
 * Prints one part of the page: `bodyClass` on <body> selects it in the print stylesheet
 * (styles.css hides everything else under that class) until the print dialog closes.
 */
export function printOnly(bodyClass: string): void {
  const body = document.body;
  body.classList.add(bodyClass);
  window.addEventListener('afterprint', () => body.classList.remove(bodyClass), { once: true });
  window.print();
}
