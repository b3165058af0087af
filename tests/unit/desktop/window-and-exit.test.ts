import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardClose } from '../../../electron/close-guard';
import { claimSingleInstance } from '../../../electron/single-instance';
import { MIN_WINDOW, parseWindowState, placeWindow } from '../../../electron/window-state';
import type { PendingWork } from '../../../src/domain/desktop/pending-work';

const FULL_HD = { x: 0, y: 0, width: 1920, height: 1040 };
const SMALL = { x: 0, y: 0, width: 1366, height: 728 };
const idle: PendingWork = { uploadsPending: 0, settlementsInProgress: 0, outcomesUnknown: 0 };

/** Stands in for a BrowserWindow: 'close' listeners, preventDefault, close(). */
class FakeWindow extends EventEmitter {
  closed = 0;
  close(): void {
    const event = { prevented: false, preventDefault: () => (event.prevented = true) };
    this.emit('close', event);
    if (!event.prevented) this.closed++;
  }
}

describe('window placement and the single-instance lock', () => {
  it('opens maximised the first time and when the saved state is unreadable [ARCH]', () => {
    expect(placeWindow(null, [FULL_HD])).toEqual({ bounds: null, maximized: true });
    expect(
      parseWindowState({ bounds: { x: 1, y: 1, width: 'wide', height: 9 }, maximized: false }),
    ).toBeNull();
    expect(parseWindowState('[]')).toBeNull();
  });

  it('reopens where it was left, shrunk onto a 1366×768 screen, never smaller than the minimum that fits it [ARCH]', () => {
    const saved = { bounds: { x: 100, y: 50, width: 1600, height: 900 }, maximized: false };
    expect(placeWindow(saved, [FULL_HD])).toEqual(saved);
    expect(placeWindow(saved, [SMALL])).toEqual({
      bounds: { x: 0, y: 0, width: 1366, height: 728 },
      maximized: false,
    });
    expect(MIN_WINDOW.width).toBeLessThanOrEqual(SMALL.width);
    expect(MIN_WINDOW.height).toBeLessThanOrEqual(SMALL.height);
    const tiny = { bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: true };
    expect(placeWindow(tiny, [SMALL]).bounds).toMatchObject({ width: 1024, height: 700 });
  });

  it('a window left on a monitor that is gone opens maximised on the one still there [ARCH]', () => {
    const onSecond = { bounds: { x: 2000, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(placeWindow(onSecond, [FULL_HD])).toEqual({ bounds: null, maximized: true });
    const second = { x: 1920, y: 0, width: 1920, height: 1040 };
    expect(placeWindow(onSecond, [FULL_HD, second]).bounds).toEqual(onSecond.bounds);
  });

  it('a second launch hands over: the first instance focuses its window, the second quits [ARCH]', () => {
    const events = new EventEmitter();
    let focused = 0;
    let quits = 0;
    const appWith = (lock: boolean) => ({
      requestSingleInstanceLock: () => lock,
      quit: () => quits++,
      on: (e: 'second-instance', l: () => void) => events.on(e, l),
    });
    expect(claimSingleInstance(appWith(true), () => focused++)).toBe(true);
    expect(quits).toBe(0);
    events.emit('second-instance');
    expect(focused).toBe(1);
    expect(claimSingleInstance(appWith(false), () => focused++)).toBe(false);
    expect(quits).toBe(1);
  });
});

/** The close guard's question to the backend has been answered. */
const answered = () => new Promise((resolve) => setImmediate(resolve));

describe('closing with work pending', () => {
  it('closes at once when nothing is pending [R-SETTLE]', async () => {
    const win = new FakeWindow();
    const asked: string[] = [];
    guardClose(
      win,
      async () => idle,
      (q) => asked.push(q.message) > 0,
    );
    win.close();
    await answered();
    expect(win.closed).toBe(1);
    expect(asked).toEqual([]);
  });

  it('asks first during a settlement or with uploads pending, says what is pending, and stays open on “继续工作” [R-SETTLE][R-SALES-UP]', async () => {
    const win = new FakeWindow();
    const questions: Array<{ message: string; details: string[] }> = [];
    let answer = false;
    const work = { uploadsPending: 3, settlementsInProgress: 1, outcomesUnknown: 0 };
    guardClose(
      win,
      async () => work,
      (q) => {
        questions.push(q);
        return answer;
      },
    );
    win.close();
    await answered();
    expect(win.closed).toBe(0);
    expect(questions[0]?.message).toBe('结算正在进行，确定要退出柜台程序吗？');
    expect(questions[0]?.details).toEqual([
      '1 笔结算/退费正在等待医保中心答复；现在退出，其结果将记为“结果未知”并在下次启动后冲正',
      '3 条上传尚未送达医保中心；下次启动后继续发送',
    ]);
    answer = true;
    win.close();
    await answered();
    expect(win.closed).toBe(1);
    expect(questions).toHaveLength(2);
  });

  it('asks the backend process and closes when it cannot answer: what is pending is on disk and resumes at the next start [R-SALES-UP][R-KEEP]', async () => {
    const win = new FakeWindow();
    const asked: string[] = [];
    guardClose(
      win,
      async () => null,
      (q) => asked.push(q.message) > 0,
    );
    win.close();
    expect(win.closed).toBe(0);
    await answered();
    expect(win.closed).toBe(1);
    expect(asked).toEqual([]);
  });
});
