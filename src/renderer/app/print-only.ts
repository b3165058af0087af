import type { PrintJob } from '../../contract/types-desktop';
import { detectPrinter } from './printer';

/**
 * Prints one part of the page: `bodyClass` on <body> selects it in the print stylesheet
 * (styles.css hides everything else under that class) until the printer is done with it —
 * silently on the desktop app's printer, or through the browser's print dialog.
 */
export async function printOnly(bodyClass: string, job: PrintJob): Promise<void> {
  const body = document.body;
  body.classList.add(bodyClass);
  try {
    const failure = await detectPrinter().print(job);
    if (failure) window.alert(failure);
  } finally {
    body.classList.remove(bodyClass);
  }
}
