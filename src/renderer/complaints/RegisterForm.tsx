import { Button } from 'antd';
import type { FormEvent } from 'react';
import { COMPLAINT_CHANNEL_IDS, COMPLAINT_CHANNELS } from '../../domain/complaint/complaint';
import { useComplaintStore } from './complaint-store';

/** 新登记 (N): channel, who (optional, shown masked afterwards), what, and the prescription if any. */
export function RegisterForm() {
  const draft = useComplaintStore((s) => s.register);
  const busy = useComplaintStore((s) => s.busy);
  const store = useComplaintStore.getState;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void store().submitRegister();
  };
  return (
    <form className="complaint-register" data-testid="complaint-register" onSubmit={submit}>
      <label>
        渠道
        <select
          data-testid="complaint-channel"
          value={draft.channel}
          onChange={(e) =>
            store().editRegister({ channel: e.target.value as typeof draft.channel })
          }
        >
          {COMPLAINT_CHANNEL_IDS.map((c) => (
            <option key={c} value={c}>
              {COMPLAINT_CHANNELS[c]}
            </option>
          ))}
        </select>
      </label>
      <label>
        投诉人
        <input
          data-testid="complaint-name"
          placeholder="可不填（匿名）"
          value={draft.complainantName}
          onChange={(e) => store().editRegister({ complainantName: e.target.value })}
        />
      </label>
      <label>
        电话
        <input
          data-testid="complaint-phone"
          inputMode="tel"
          value={draft.complainantPhone}
          onChange={(e) => store().editRegister({ complainantPhone: e.target.value })}
        />
      </label>
      <label className="complaint-wide">
        事由
        <input
          data-testid="complaint-subject"
          placeholder="至少4个字"
          value={draft.subject}
          onChange={(e) => store().editRegister({ subject: e.target.value })}
        />
      </label>
      <label>
        处方号
        <input
          data-testid="complaint-rxno"
          placeholder="可不填"
          value={draft.hiRxno}
          onChange={(e) => store().editRegister({ hiRxno: e.target.value })}
        />
      </label>
      <Button htmlType="submit" type="primary" size="large" loading={busy}>
        登记（Enter）
      </Button>
    </form>
  );
}
