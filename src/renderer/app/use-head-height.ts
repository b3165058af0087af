import { type RefObject, useEffect } from 'react';

/**
 * Publishes the sticky top bar's height as --app-head-height, so a screen's own sticky header
 * (the prescription's number and status) stops right under it whatever banners are shown.
 */
export function useHeadHeight(head: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = head.current;
    if (!el) return;
    const publish = () =>
      document.documentElement.style.setProperty('--app-head-height', `${el.offsetHeight}px`);
    publish();
    const observer = new ResizeObserver(publish);
    observer.observe(el);
    return () => observer.disconnect();
  }, [head]);
}
