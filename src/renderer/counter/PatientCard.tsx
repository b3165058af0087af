import { Card, Tag } from 'antd';
import type { InsuredPerson } from '../../contract/types';
import { areaLabel } from '../../domain/area-name';
import { CERT_TYPE_LABELS } from '../../domain/insurance';
import { InsuranceNotices } from '../components/InsuranceNotices';
import { formatFen } from '../format/money';

/** The identified person. The ID number arrives masked and stays masked; the name is full for the pharmacist to confirm. */
export function PatientCard({ person }: { person: InsuredPerson }) {
  return (
    <div data-testid="patient-card">
      <Card className="patient-card">
        <div className="patient-head">
          <span className="patient-name" data-testid="patient-name">
            {person.name || '（无姓名）'}
          </span>
          <span className="patient-facts">
            {person.gender} · {person.age}岁
          </span>
          <Tag color="blue" className="status-tag">
            {CERT_TYPE_LABELS[person.certType]}
          </Tag>
        </div>
        <div className="patient-id">
          证件号码{' '}
          <span className="mono" data-testid="patient-certno">
            {person.certnoMasked}
          </span>
        </div>
        <InsuranceNotices notices={person.insuranceNotices} />
        {person.insutypes.length === 0 ? (
          <div className="patient-none">未查到有效参保信息</div>
        ) : (
          <table className="insutype-table">
            <thead>
              <tr>
                <th>险种</th>
                <th>参保状态</th>
                <th>参保地区</th>
                <th className="num">账户余额</th>
              </tr>
            </thead>
            <tbody>
              {person.insutypes.map((i) => (
                <tr key={`${i.insutype}-${i.insuplcAdmdvs}`} data-testid="insutype-row">
                  <td>
                    <div className="insutype-label">{i.label}</div>
                    <div className="insutype-code">
                      {i.insutype}
                      {i.psnType ? ` · 人员类别 ${i.psnType}` : ''}
                    </div>
                  </td>
                  <td>{i.status}</td>
                  <td data-testid="insutype-area">{areaLabel(i.insuplcAdmdvs)}</td>
                  <td className="num balance" data-testid="insutype-balance">
                    {formatFen(i.balanceFen)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
