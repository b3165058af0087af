import { Spin } from 'antd';
import { ErrorBanner } from '../components/ErrorBanner';
import { HeldList } from '../held/HeldList';
import { CertInput } from './CertInput';
import { CertTypeSwitch } from './CertTypeSwitch';
import { EcPasswordPrompt } from './EcPasswordPrompt';
import { PatientCard } from './PatientCard';
import { usePatientStore } from './patient-store';
import { RxCandidateList } from './RxCandidateList';

/** The counter: identify the insured person (R-AUTH), then choose a prescription to download. */
export function CounterScreen() {
  const person = usePatientStore((s) => s.person);
  const loading = usePatientStore((s) => s.loading);
  return (
    <main className="counter">
      <div className="counter-side">
        <section className="counter-identify" aria-label="识别参保人">
          <h2 className="section-title">识别参保人</h2>
          <CertTypeSwitch />
          <CertInput />
          <p className="hint">
            扫码枪随时可扫医保电子凭证或电子处方二维码，无需先点输入框；扫到的内容不会写入输入框。
          </p>
        </section>
        <HeldList />
      </div>
      <section className="counter-result" aria-live="polite">
        <ErrorBanner />
        {loading && (
          <div className="loading">
            <Spin size="large" /> 正在查询医保中心…
          </div>
        )}
        <EcPasswordPrompt />
        {person && <PatientCard person={person} />}
        <RxCandidateList />
      </section>
    </main>
  );
}
