import { type ComponentType, lazy, Suspense } from 'react';

/** Every lazy view's loader, once: fetched in the background after sign-in (preloadLazyViews). */
const loaders: Array<() => Promise<unknown>> = [];

/**
 * A feature view loaded on first render instead of with the first screen (issue 20: the
 * signed-in screens, risk charts, reports, the outbox queue and the scanner test stay off the
 * path to the login screen's first paint).
 */
export function lazyView<P extends object = Record<string, never>>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  let loading: Promise<ComponentType<P>> | null = null;
  const loadOnce = () => {
    loading ??= load();
    return loading;
  };
  loaders.push(loadOnce);
  const View = lazy(() => loadOnce().then((component) => ({ default: component })));
  return function LazyView(props: P) {
    return (
      <Suspense fallback={null}>
        <View {...props} />
      </Suspense>
    );
  };
}

/**
 * Once signed in, the other screens are fetched while the counter is idle, so a key pressed
 * right after opening a screen (Alt+P then Alt+M) reaches a screen that is already there.
 */
export function preloadLazyViews(): void {
  const start = () => {
    for (const load of loaders) load().catch(() => undefined);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2_000 });
  else setTimeout(start, 200);
}
