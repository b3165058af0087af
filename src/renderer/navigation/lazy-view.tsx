import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A feature view loaded on first render instead of with the first screen (issue 20: heavy
 * features such as risk charts and reports stay off the path to the login
 * screen's first paint).
 */
export function lazyView(load: () => Promise<ComponentType>): ComponentType {
  const View = lazy(() => load().then((component) => ({ default: component })));
  return function LazyView() {
    return (
      <Suspense fallback={null}>
        <View />
      </Suspense>
    );
  };
}
