import { Component, type ReactNode } from 'react';
import { CRASH_NOTICE, reloadAfterCrash, reportCrash } from './crash-report';

/** A render error anywhere in the app: a one-line notice, a log entry, a reload — never a white screen. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, { crashed: boolean }> {
  override state = { crashed: false };

  static getDerivedStateFromError(): { crashed: boolean } {
    return { crashed: true };
  }

  override componentDidCatch(error: unknown): void {
    void reportCrash('boundary', error).finally(() => reloadAfterCrash());
  }

  override render(): ReactNode {
    if (!this.state.crashed) return this.props.children;
    return (
      <div className="crash-notice" role="alert" data-testid="crash-notice">
        {CRASH_NOTICE}
      </div>
    );
  }
}
