import { Button, Checkbox, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import type { ScopeConsentsView } from '../../contract/types-settlement';
import type { AppErrorShape } from '../../domain/errors';
import { api, toShape } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import './scope-consent.css';

type Relation = 'self' | 'guardian' | 'agent';
const RELATIONS: Array<{ value: Relation; label: string }> = [
  { value: 'self', label: '患者本人' },
  { value: 'guardian', label: '监护人' },
  { value: 'agent', label: '代理人' },
];

/**
 * R-SCOPE: lines outside the restricted payment scope are paid by the patient once the signed
 * 自费用药知情同意书 is recorded; then the pre-settlement is asked again.
 */
export function ScopeConsentForm({
  dispensingId,
  onRecorded,
}: {
  dispensingId: number;
  onRecorded: () => void;
}) {
  const [view, setView] = useState<ScopeConsentsView | null>(null);
  const [chosen, setChosen] = useState<number[]>([]);
  const [signedBy, setSignedBy] = useState('');
  const [relation, setRelation] = useState<Relation>('self');
  const [formNo, setFormNo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    void api
      .call('settle.scopeConsents', { dispensingId })
      .then((v) => {
        setView(v);
        setChosen(v.outOfScope.filter((l) => !l.consented).map((l) => l.lineNo));
      })
      .catch((err: unknown) => setError(toShape(err)));
  }, [dispensingId]);

  const pending = view?.outOfScope.filter((l) => !l.consented) ?? [];
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.call('settle.recordScopeConsent', {
        dispensingId,
        lineNos: chosen,
        signedBy,
        signerRelation: relation,
        formNo,
      });
      onRecorded();
    } catch (err) {
      setError(toShape(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="scope-consent" data-testid="scope-consent" aria-label="自费用药知情同意书">
      <h4>登记自费用药知情同意书</h4>
      <p>
        以下药品超出医保限定支付范围（开方医院审批不通过），向患者说明后由患者自费，须先登记其签署的知情同意书：
      </p>
      <ul className="scope-consent-lines">
        {pending.map((l) => (
          <li key={l.lineNo}>
            <Checkbox
              checked={chosen.includes(l.lineNo)}
              data-testid={`scope-consent-line-${l.lineNo}`}
              onChange={(e) =>
                setChosen((c) =>
                  e.target.checked ? [...c, l.lineNo] : c.filter((n) => n !== l.lineNo),
                )
              }
            >
              第{l.lineNo}行 {l.name} <span className="mono">{l.medListCodg}</span>
            </Checkbox>
          </li>
        ))}
      </ul>
      <div className="scope-consent-fields">
        <Input
          placeholder="签署人姓名"
          value={signedBy}
          maxLength={40}
          data-testid="scope-consent-signer"
          onChange={(e) => setSignedBy(e.target.value)}
        />
        <Select
          value={relation}
          options={RELATIONS}
          data-testid="scope-consent-relation"
          onChange={(v) => setRelation(v)}
        />
        <Input
          placeholder="同意书编号"
          value={formNo}
          maxLength={40}
          data-testid="scope-consent-form-no"
          onChange={(e) => setFormNo(e.target.value)}
        />
        <Button
          type="primary"
          loading={busy}
          disabled={chosen.length === 0}
          data-testid="scope-consent-submit"
          onClick={() => void submit()}
        >
          登记并重新预结算
        </Button>
      </div>
      {error && <ErrorAlert error={error} testId="scope-consent-error" />}
    </section>
  );
}
