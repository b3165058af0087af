import { Input } from 'antd';
import { useId, useState } from 'react';
import type { Money } from '../../domain/money';
import { yuanText } from '../../domain/money';
import { cashTender } from '../../domain/settlement/cash-tender';

/** 实收/找零 for the cash the patient pays at the counter; shown only, nothing is stored. */
export function CashTenderBox({ due }: { due: Money }) {
  const [typed, setTyped] = useState('');
  const inputId = useId();
  const result = typed.trim() === '' ? null : cashTender(due.fen, typed);
  return (
    <div className="cash-tender" data-testid="cash-tender">
      <span className="cash-tender-due">
        现金应收 <strong className="mono">{due.yuan}</strong> 元
      </span>
      <span className="cash-tender-field">
        <label htmlFor={inputId}>实收</label>
        <Input
          inputMode="decimal"
          size="large"
          className="mono"
          id={inputId}
          data-testid="cash-tendered"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          suffix="元"
        />
      </span>
      {result?.ok && (
        <span className="cash-tender-change" data-testid="cash-change">
          找零 <strong className="mono">{yuanText(result.changeFen)}</strong> 元
        </span>
      )}
      {result && !result.ok && (
        <span className="bad-text" role="alert" data-testid="cash-tender-error">
          {result.reason}
        </span>
      )}
    </div>
  );
}
