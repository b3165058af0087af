import { Tag } from 'antd';
import type { PrescriptionView } from '../../contract/types';
import { DrugLines } from './DrugLines';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value || '—'}</dd>
    </div>
  );
}

/** The structured prescription as the center sent it. The ID number arrives masked and stays so. */
export function RxDetails({ view }: { view: PrescriptionView }) {
  return (
    <section className="rx-pane rx-details" aria-label="结构化处方数据" data-testid="rx-details">
      <h3 className="pane-title">
        结构化处方
        {view.longRx && (
          <Tag color="purple" className="status-tag">
            长期处方
          </Tag>
        )}
      </h3>
      <div className="rx-patient">
        <span className="rx-patient-name" data-testid="rx-patient-name">
          {view.patient.name}
        </span>
        <span className="mono" data-testid="rx-patient-certno">
          {view.patient.certnoMasked}
        </span>
      </div>
      <dl className="facts">
        <Fact label="开方机构" value={view.fixmedinsName} testId="rx-institution" />
        <Fact label="机构编码" value={view.fixmedinsCode} />
        <Fact label="科室" value={view.deptName} />
        <Fact label="开方医师" value={view.doctorName} testId="rx-doctor" />
        <Fact label="审核药师" value={view.hospitalPharmacist} />
        <Fact label="诊断" value={view.diagnosis} testId="rx-diagnosis" />
        <Fact label="开方时间" value={view.prscTime} />
        <Fact label="上传时间" value={view.uploadTime} />
        <Fact label="有效至" value={view.validEndTime} testId="rx-valid-end" />
        <Fact label="追溯码" value={view.rxTraceCode} />
      </dl>
      <DrugLines lines={view.lines} />
    </section>
  );
}
