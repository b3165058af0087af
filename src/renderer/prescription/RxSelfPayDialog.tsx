import { Alert, Button, Input, type InputRef, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { SelfPayConfirmer } from '../../domain/settlement/rx-self-pay';
import { ErrorAlert } from '../components/ErrorAlert';
import { RX_SELF_PAY_KEY } from '../keyboard/function-keys';
import { ThermalReceipt } from '../settle/ReceiptPanel';
import { useRxSelfPayStore } from './rx-self-pay-store';

const RELATIONS: Array<{ value: SelfPayConfirmer; label: string }> = [
  { value: 'self', label: '患者本人' },
  { value: 'guardian', label: '监护人' },
  { value: 'agent', label: '代办人' },
];

/** Step 1: the words read to the patient, who confirmed them; Enter records the consent. */
function ConsentStep() {
  const { offer, busy } = useRxSelfPayStore();
  const [who, setWho] = useState('');
  const [relation, setRelation] = useState<SelfPayConfirmer>('self');
  const field = useRef<InputRef>(null);
  useEffect(() => {
    if (offer) field.current?.focus();
  }, [offer]);
  if (!offer) return null;
  const confirm = () => void useRxSelfPayStore.getState().consent(who.trim(), relation);
  return (
    <>
      <p className="rx-self-pay-words" data-testid="rx-self-pay-words">
        {offer.words}
      </p>
      <label className="rx-self-pay-field" htmlFor="rx-self-pay-who">
        同意人姓名
        <Input
          id="rx-self-pay-who"
          ref={field}
          data-testid="rx-self-pay-who"
          value={who}
          maxLength={40}
          placeholder="向患者告知上述内容后，输入表示同意者的姓名"
          onChange={(e) => setWho(e.target.value)}
          onPressEnter={confirm}
        />
      </label>
      <label className="rx-self-pay-field">
        与患者关系
        <select
          data-testid="rx-self-pay-relation"
          value={relation}
          onChange={(e) => setRelation(e.target.value as SelfPayConfirmer)}
        >
          {RELATIONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <Button
        type="primary"
        data-testid="rx-self-pay-consent"
        disabled={who.trim().length < 2}
        loading={busy}
        onClick={confirm}
      >
        患者已同意自费结算（Enter）
      </Button>
    </>
  );
}

/** Step 2: one code per prescribed pack; Enter on a complete list takes the cash. */
function ScanStep() {
  const { lines, codes, busy } = useRxSelfPayStore();
  const [scan, setScan] = useState('');
  const field = useRef<InputRef>(null);
  useEffect(() => field.current?.focus(), []);
  const complete = lines.every((l, i) => (codes[i]?.length ?? 0) === l.packs);
  const onEnter = () => {
    if (scan.trim() === '' && complete) void useRxSelfPayStore.getState().sell();
    else useRxSelfPayStore.getState().addCode(scan);
    setScan('');
  };
  return (
    <>
      <ul className="rx-self-pay-lines">
        {lines.map((l, i) => (
          <li key={l.medListCodg}>
            {l.name}：已扫 {codes[i]?.length ?? 0}/{l.packs}盒
          </li>
        ))}
      </ul>
      <Input
        ref={field}
        data-testid="rx-self-pay-scan"
        prefix="追溯码"
        placeholder={complete ? '已扫齐：按 Enter 收款' : '逐盒扫码，一盒一码'}
        value={scan}
        onChange={(e) => setScan(e.target.value)}
        onPressEnter={onEnter}
      />
      <Button
        type="primary"
        data-testid="rx-self-pay-sell"
        disabled={!complete}
        loading={busy}
        onClick={() => void useRxSelfPayStore.getState().sell()}
      >
        自费收款
      </Button>
    </>
  );
}

/** Step 3: the cash taken, fund 0.00, and the 自费结算单. */
function DoneStep() {
  const { sold, receipt } = useRxSelfPayStore();
  if (!sold) return null;
  return (
    <>
      <Alert
        type="success"
        showIcon
        data-testid="rx-self-pay-sold"
        title={`已自费结算：收款 ${sold.total.yuan} 元（医保基金支付 0.00 元），销售单 Z${sold.saleId}`}
      />
      {receipt?.lines && <ThermalReceipt receipt={receipt} />}
    </>
  );
}

/**
 * 自费结算 of an e-prescription whose patient's insurance is not in force (D45): the consent
 * words, who agreed, then the packs. Esc closes (the prescription's Esc handler asks first).
 */
export function RxSelfPayDialog() {
  const { hiRxno, step, error } = useRxSelfPayStore();
  return (
    <Modal
      open={hiRxno !== null}
      title={`自费结算（${RX_SELF_PAY_KEY}）`}
      footer={null}
      keyboard={false}
      maskClosable={false}
      destroyOnHidden
      width={560}
      onCancel={() => useRxSelfPayStore.getState().close()}
    >
      <div
        className="rx-self-pay work-area-stack"
        data-testid="rx-self-pay-dialog"
        data-step={step}
      >
        {step === 'consent' && <ConsentStep />}
        {step === 'scan' && <ScanStep />}
        {step === 'done' && <DoneStep />}
        {error && <ErrorAlert error={error} testId="rx-self-pay-error" />}
      </div>
    </Modal>
  );
}
