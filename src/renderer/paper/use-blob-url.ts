import { useEffect, useState } from 'react';
import { base64ToBytes } from '../pdf/pdfjs';

/** An object URL of Base64 content for a download link, revoked when it changes or unmounts. */
export function useBlobUrl(base64: string | null, mime: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!base64) {
      setUrl(null);
      return;
    }
    const bytes = base64ToBytes(base64);
    const next = URL.createObjectURL(new Blob([bytes.buffer as ArrayBuffer], { type: mime }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [base64, mime]);
  return url;
}
