import { Button, Input } from 'antd';
import { useState } from 'react';
import { EC_PASSWORD_PATTERN } from '../../domain/ec-voucher';
import { useFeedbackStore } from '../stores/feedback-store';
import { useIntakeStore } from './intake-store';
import './counter.css';

const CERT_NAMES = { '01': '医保电子凭证', '02': '身份证', '03': '社会保障卡' } as const;

/**
 * R-AUTH / ST-EPC-02-005: a card or ID-number authorisation is confirmed by the patient typing
 * the e-voucher password. The digits live only in this field's state and are cleared as soon
 * as they are sent; when the center refuses them, the steps to activate the voucher or reset
 * the password are shown (ST-EPC-02-001).
 */
export function EcPasswordPrompt() {
  const pending = useIntakeStore((s) => s.pendingAuth);
  const help = useIntakeStore((s) => s.authHelp);
  const finding = useIntakeStore((s) => s.finding);
  const [password, setPassword] = useState('');
  if (!pending) return null;

  const submit = () => {
    if (!EC_PASSWORD_PATTERN.test(password)) {
      useFeedbackStore
        .getState()
        .showError({ code: 'VALIDATION', message: '医保电子凭证密码为6位数字，请参保人重新输入' });
      return;
    }
    setPassword('');
    void useIntakeStore.getState().findByCert(pending, password);
  };

  return (
    <section className="ec-auth" aria-label="医保电子凭证密码确认" data-testid="ec-password-prompt">
      <h2 className="section-title">请参保人输入医保电子凭证密码</h2>
      <p className="hint">
        使用{CERT_NAMES[pending.certType]}
        查询处方，须参保人本人输入6位医保电子凭证密码确认授权；也可改扫参保人的医保电子凭证二维码。
      </p>
      <div className="ec-auth-row">
        <Input.Password
          size="large"
          className="ec-auth-input"
          data-testid="ec-password-input"
          aria-label="医保电子凭证密码"
          autoComplete="off"
          inputMode="numeric"
          maxLength={6}
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value.replace(/\D/g, ''))}
          onPressEnter={submit}
        />
        <Button
          type="primary"
          size="large"
          loading={finding}
          onClick={submit}
          data-testid="ec-password-submit"
        >
          确认授权 <kbd>Enter</kbd>
        </Button>
        <span className="hint">
          <kbd>Esc</kbd> 取消
        </span>
      </div>
      {help && (
        <div className="ec-auth-help" data-testid="ec-auth-help">
          <h3 className="ec-auth-help-title">{help.title}</h3>
          <ol>
            {help.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
