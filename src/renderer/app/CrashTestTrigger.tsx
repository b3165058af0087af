import { useEffect, useState } from 'react';
import { api } from '../api';

/**
 * Test-only: `?crash-test` makes the app throw while rendering, but only against the sandbox
 * center (app.info says so), so no production counter can be crashed by a link.
 */
export function CrashTestTrigger() {
  const [crash, setCrash] = useState(false);
  useEffect(() => {
    if (!new URLSearchParams(window.location.search).has('crash-test')) return;
    void api.call('app.info', {}).then((info) => setCrash(info.sandbox));
  }, []);
  if (crash) throw new Error('crash-test: 测试用的界面崩溃');
  return null;
}
