import { fork } from 'node:child_process';

/** One end of the backend's message channel: structured-clone messages both ways. */
export interface BackendPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): void;
}

/** The parent's handle on a running backend process. */
export interface BackendChild extends BackendPort {
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Starts a backend process (Electron's utilityProcess in the app, child_process in tests). */
export type ForkBackend = () => BackendChild;

/**
 * The Node adapter: `child_process.fork` with an IPC channel (advanced serialization, the same
 * structured clone Electron's MessagePort uses). A `.ts` entry runs through tsx.
 */
export function forkNodeBackend(entry: string, env: NodeJS.ProcessEnv): BackendChild {
  const child = fork(entry, [], {
    env: { ...process.env, ...env },
    execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    postMessage: (message) => {
      if (child.connected) child.send(message as never);
    },
    on: (_event, listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => child.kill('SIGKILL'),
  };
}

/** Electron's utility process gives its child `process.parentPort` (no import of electron). */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** The child's end: Electron's `process.parentPort` in the app, Node's IPC channel otherwise. */
export function portToParent(proc: NodeJS.Process = process): BackendPort {
  const parentPort = (proc as NodeJS.Process & { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      postMessage: (message) => parentPort.postMessage(message),
      on: (_event, listener) => parentPort.on('message', (event) => listener(event.data)),
    };
  }
  if (!proc.send) throw new Error('后台进程没有与主进程通信的通道');
  return {
    postMessage: (message) => {
      if (proc.connected) proc.send?.(message as never);
    },
    on: (_event, listener) => proc.on('message', listener),
  };
}
