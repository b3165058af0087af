import { utilityProcess } from 'electron';
import type { BackendChild } from '../src/host/backend/transport';

/**
 * The Electron adapter of the backend's channel (the only part not run by the tests, which use
 * src/host/backend/transport.ts's child_process adapter): a utility process, whose child end is
 * `process.parentPort`.
 */
export function forkUtilityBackend(entry: string, env: NodeJS.ProcessEnv): BackendChild {
  const child = utilityProcess.fork(entry, [], {
    env,
    stdio: 'inherit',
    serviceName: '柜台后台服务',
  });
  return {
    postMessage: (message) => child.postMessage(message),
    on: (_event, listener) => child.on('message', listener),
    onExit: (listener) => child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}
