import { create } from 'zustand';
import { routeScan } from '../scanner/route-scan';
import { SerialLineSplitter } from '../scanner/serial-lines';
import {
  desktopSerial,
  type SerialPortChoice,
  type SerialPortLike,
  webSerial,
} from '../scanner/web-serial';

export type SerialState = 'unsupported' | 'idle' | 'choosing' | 'connecting' | 'open' | 'error';

const BAUD_KEY = 'epc.scanner.serialBaud';
export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;

function loadBaud(): number {
  const v = Number(globalThis.localStorage?.getItem(BAUD_KEY));
  return (BAUD_RATES as readonly number[]).includes(v) ? v : 9600;
}

interface SerialStoreState {
  state: SerialState;
  baudRate: number;
  portLabel: string | null;
  message: string | null;
  /** Ports the desktop shell asks us to choose from (select-serial-port). */
  choices: SerialPortChoice[];
  setBaudRate(baud: number): void;
  connect(): Promise<void>;
  choose(portId: string | null): Promise<void>;
  disconnect(): Promise<void>;
}

let port: SerialPortLike | null = null;
let reader: ReadableStreamDefaultReader<Uint8Array> | null = null;

function label(p: SerialPortLike): string {
  const { usbVendorId, usbProductId } = p.getInfo();
  if (usbVendorId === undefined) return '串口设备';
  const hex = (n: number | undefined) => (n ?? 0).toString(16).padStart(4, '0').toUpperCase();
  return `USB ${hex(usbVendorId)}:${hex(usbProductId)}`;
}

/** Serial (COM) scanners: every line read goes into the same router as keyboard bursts. */
export const useSerialStore = create<SerialStoreState>((set, get) => {
  async function readLoop(p: SerialPortLike): Promise<void> {
    const splitter = new SerialLineSplitter(routeScan);
    while (p.readable && port === p) {
      reader = p.readable.getReader();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          if (value) splitter.push(value);
        }
      } catch {
        set({ state: 'error', message: '串口读取中断：请检查扫码枪连接后重新连接' });
      } finally {
        reader.releaseLock();
        reader = null;
      }
    }
  }

  return {
    state: webSerial() ? 'idle' : 'unsupported',
    baudRate: loadBaud(),
    portLabel: null,
    message: null,
    choices: [],

    setBaudRate(baudRate) {
      globalThis.localStorage?.setItem(BAUD_KEY, String(baudRate));
      set({ baudRate });
    },

    async connect() {
      const serial = webSerial();
      if (!serial) return;
      await get().disconnect();
      set({ state: 'choosing', message: null });
      const bridge = desktopSerial();
      const off = bridge?.onPortChoices((choices) => set({ choices }));
      try {
        const chosen = await serial.requestPort();
        set({ state: 'connecting', choices: [] });
        await chosen.open({ baudRate: get().baudRate });
        port = chosen;
        set({ state: 'open', portLabel: label(chosen), message: null });
        void readLoop(chosen);
      } catch (err) {
        const cancelled = err instanceof DOMException && err.name === 'NotFoundError';
        set({
          state: cancelled ? 'idle' : 'error',
          choices: [],
          message: cancelled ? '未选择串口' : `串口打开失败：${(err as Error).message}`,
        });
      } finally {
        off?.();
      }
    },

    async choose(portId) {
      set({ choices: [] });
      await desktopSerial()?.choosePort(portId);
    },

    async disconnect() {
      const p = port;
      port = null;
      try {
        await reader?.cancel();
        await p?.close();
      } catch {
        // already closed or unplugged
      }
      if (get().state !== 'unsupported') set({ state: 'idle', portLabel: null });
    },
  };
});
