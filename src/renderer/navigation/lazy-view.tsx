import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A feature view loaded on first render instead of with the first screen (issue 20: the
 * signed-in screens, risk charts, reports, the outbox queue and the scanner test stay off the
 * path to the login screen's first paint).
 */
export function lazyView<P extends object = Record<string, never>>(
  load: () => Promise<ComponentType<P>>,
): ComponentType<P> {
  const View = lazy(() => load().then((component) => ({ default: component })));
  return function LazyView(props: P) {
    return (
      <Suspense fallback={null}>
        <View {...props} />
      </Suspense>
    );
  };
}
