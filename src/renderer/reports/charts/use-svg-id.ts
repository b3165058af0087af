import { useId } from 'react';

/** A document-unique id usable inside url(#…) (React's ids contain characters like « and :). */
export function useSvgId(name: string): string {
  return `${name}-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
}
