import { Steps } from 'antd';
import { useEffect } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import './setup.css';
import { SETUP_STEPS, useSetupStore } from './setup-store';
import { AdminStep } from './steps/AdminStep';
import { ChooseModeStep } from './steps/ChooseModeStep';
import { ConnectionStep } from './steps/ConnectionStep';
import { FinishStep } from './steps/FinishStep';
import { ImportStep } from './steps/ImportStep';

const STEP_VIEWS = [ChooseModeStep, ImportStep, ConnectionStep, AdminStep, FinishStep];

/** First-run set-up: Enter confirms the step (each step's primary button), Esc goes back. */
export function SetupWizard() {
  const step = useSetupStore((s) => s.step);
  const error = useSetupStore((s) => s.error);
  const View = STEP_VIEWS[step] ?? ChooseModeStep;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') useSetupStore.getState().back();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <main className="setup">
      <div className="setup-box">
        <h1 className="setup-title">首次设置</h1>
        <Steps
          size="small"
          current={step}
          className="setup-steps"
          items={SETUP_STEPS.map((title) => ({ title }))}
        />
        {error && <ErrorAlert error={error} testId="setup-error" />}
        <View key={step} />
      </div>
    </main>
  );
}
