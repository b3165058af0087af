import { create } from 'zustand';
import type { CenterConfigSummary, ConnectionReport } from '../../contract/types-setup';
import type { AppErrorShape } from '../../domain/errors';
import { api, toShape } from '../api';

export const SETUP_STEPS = ['选择模式', '导入中心配置', '连接测试', '创建管理员', '完成'] as const;

interface SetupState {
  /** null while asking the backend; true while the folder still needs setting up. */
  needed: boolean | null;
  step: number;
  busy: boolean;
  error: AppErrorShape | null;
  summary: CenterConfigSummary | null;
  report: ConnectionReport | null;
  adminName: string | null;
  load(): Promise<void>;
  go(step: number): void;
  back(): void;
  importConfig(
    configText: string,
    caFiles: { name: string; contentBase64: string }[],
  ): Promise<void>;
  testConnection(): Promise<void>;
  createAdmin(v: { username: string; displayName: string; password: string }): Promise<void>;
  chooseDemo(): Promise<void>;
  finish(): Promise<void>;
}

/** The first-run wizard: one step at a time, each backend refusal shown as it came. */
export const useSetupStore = create<SetupState>((set, get) => {
  async function run(work: () => Promise<Partial<SetupState>>): Promise<void> {
    set({ busy: true, error: null });
    try {
      set({ ...(await work()), busy: false });
    } catch (err) {
      set({ busy: false, error: toShape(err) });
    }
  }
  return {
    needed: null,
    step: 0,
    busy: false,
    error: null,
    summary: null,
    report: null,
    adminName: null,
    async load() {
      try {
        const status = await api.call('setup.status', {});
        set({ needed: status.phase === 'setup', summary: status.imported });
      } catch {
        set({ needed: false });
      }
    },
    go: (step) => set({ step, error: null }),
    back: () => {
      if (!get().busy && get().step > 0 && get().step < 4)
        set({ step: get().step - 1, error: null });
    },
    importConfig: (configText, caFiles) =>
      run(async () => ({
        summary: await api.call('setup.importCenterConfig', { configText, caFiles }),
        report: null,
      })),
    testConnection: () => run(async () => ({ report: await api.call('setup.testConnection', {}) })),
    createAdmin: (v) =>
      run(async () => ({
        adminName: (await api.call('setup.createFirstAdmin', v)).username,
        step: 4,
      })),
    chooseDemo: () =>
      run(async () => {
        await api.call('setup.chooseDemo', {});
        return { needed: false };
      }),
    finish: () =>
      run(async () => {
        await api.call('setup.finish', {});
        return { needed: false };
      }),
  };
});
