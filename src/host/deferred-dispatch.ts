import type { Dispatch } from '../api/dispatch';
import type { ApiResult } from '../contract/types';
import type { EarlyAnswer } from './early-answers';

/** How long a call made during start-up waits for the services before it is answered. */
export const START_WAIT_MS = 20_000;

export const STARTING_REFUSAL: ApiResult<never> = {
  ok: false,
  error: {
    code: 'STARTING',
    message: '系统正在启动（正在打开数据库、连接医保中心），请稍候几秒再试',
  },
};

export const START_FAILED_REFUSAL: ApiResult<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: '系统启动未完成：请关闭柜台程序后重新启动；如反复出现请联系信息管理员',
  },
};

/**
 * A dispatcher for the first seconds after the window is served: the screen is drawn while
 * the database opens and the center link starts, and nothing runs against a half-ready
 * service. A call waits for the services (up to `waitMs`), then runs as usual; still not
 * ready, or start-up failed, it gets a Chinese answer instead of a crash or a hang. What the
 * first screen needs to draw is answered at once by `early` (early-answers.ts).
 */
export function deferredDispatch(
  ready: Promise<Dispatch>,
  waitMs = START_WAIT_MS,
  early: EarlyAnswer = () => undefined,
): Dispatch {
  let settled: { dispatch: Dispatch } | { failed: true } | null = null;
  ready.then(
    (dispatch) => {
      settled = { dispatch };
    },
    () => {
      settled = { failed: true };
    },
  );
  return async (method, rawInput, token) => {
    if (!settled) {
      const answer = early(method);
      if (answer) return answer;
    }
    const dispatch = settled ? settled : await readyWithin(ready, waitMs);
    if (dispatch === 'timeout') return STARTING_REFUSAL;
    if ('failed' in dispatch) return START_FAILED_REFUSAL;
    return dispatch.dispatch(method, rawInput, token);
  };
}

async function readyWithin(
  ready: Promise<Dispatch>,
  waitMs: number,
): Promise<{ dispatch: Dispatch } | { failed: true } | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), waitMs);
  });
  try {
    return await Promise.race([
      ready.then(
        (dispatch) => ({ dispatch }),
        () => ({ failed: true as const }),
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
