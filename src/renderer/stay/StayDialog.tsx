import { Button, Checkbox, Input, Modal } from 'antd';
import { useState } from 'react';
import type { DispensingView } from '../../contract/types-dispense';
import { ErrorAlert } from '../components/ErrorAlert';
import { STAY_KEY } from '../keyboard/function-keys';
import { useUiStore } from '../stores/ui-store';
import { useStayStore } from './stay-store';
import './stay.css';

const EMPTY = { hospital: '', stayNo: '', formSeen: false };

/**
 * 随住院结算 (Alt+Shift+Y, R-MT-SETTLE): an inpatient's dual-channel dispensing is handed to the
 * hospital's settlement of the stay. Focus lands in the hospital field; Enter records once the
 * hospital, the 住院号 and the 备案表 check are given; Esc closes. The server refuses it too.
 */
export function StayDialog({ view }: { view: DispensingView }) {
  const open = useUiStore((s) => s.overlay === 'stayRecord');
  const busy = useStayStore((s) => s.busy);
  const error = useStayStore((s) => s.error);
  const [form, setForm] = useState(EMPTY);
  const ready = form.hospital.trim().length >= 2 && form.stayNo.trim() !== '' && form.formSeen;
  const close = () => {
    useStayStore.getState().clearError();
    useUiStore.getState().setOverlay(null);
  };
  const submit = async () => {
    if (!ready) return;
    if (!(await useStayStore.getState().submit(form))) return;
    setForm(EMPTY);
    useUiStore.getState().setOverlay(null);
  };
  return (
    <Modal
      open={open}
      title={`登记随住院结算（${STAY_KEY}）`}
      onCancel={close}
      keyboard={false}
      destroyOnHidden
      footer={[
        <Button key="cancel" size="large" onClick={close}>
          取消 <kbd>Esc</kbd>
        </Button>,
        <Button
          key="ok"
          size="large"
          type="primary"
          disabled={!ready}
          loading={busy}
          data-testid="stay-confirm"
          onClick={() => void submit()}
        >
          确认登记 <kbd>Enter</kbd>
        </Button>,
      ]}
    >
      <form
        className="stay-form"
        data-testid="stay-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          void submit();
        }}
      >
        <p>
          处方 <span className="mono">{view.rxno}</span> · 调剂单 {view.dispensingId} · 患者{' '}
          {view.patient.name}
        </p>
        <p className="stay-note">
          住院期间外购的“双通道”药品费用与住院费用合并结算，由医院结算，本店不收费、不做医保结算。
        </p>
        <label htmlFor="stay-hospital">住院医疗机构</label>
        <Input
          id="stay-hospital"
          size="large"
          autoFocus
          maxLength={100}
          value={form.hospital}
          data-testid="stay-hospital"
          onChange={(e) => setForm({ ...form, hospital: e.target.value })}
        />
        <label htmlFor="stay-no">住院号（按患者材料填写）</label>
        <Input
          id="stay-no"
          size="large"
          maxLength={40}
          value={form.stayNo}
          data-testid="stay-no"
          onChange={(e) => setForm({ ...form, stayNo: e.target.value })}
        />
        <Checkbox
          checked={form.formSeen}
          data-testid="stay-form-seen"
          onChange={(e) => setForm({ ...form, formSeen: e.target.checked })}
        >
          已查验经医院医保管理部门审核同意的“双通道”药品使用申请备案表
        </Checkbox>
        {error && <ErrorAlert error={error} testId="stay-error" lead="不能登记：" />}
      </form>
    </Modal>
  );
}
