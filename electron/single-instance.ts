/** The parts of Electron's `app` the single-instance lock uses. */
export interface InstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): void;
}

/**
 * One counter per user profile. The first instance keeps the lock and, when the program is
 * started again, brings its window to the front; a second instance hands over and quits.
 */
export function claimSingleInstance(app: InstanceApp, focusRunningWindow: () => void): boolean {
  const first = app.requestSingleInstanceLock();
  if (!first) {
    console.error('柜台程序已在运行，已切换到已打开的柜台窗口');
    app.quit();
  } else {
    app.on('second-instance', focusRunningWindow);
  }
  return first;
}
