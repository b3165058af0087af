import { Button } from 'antd';
import type { PrescriptionView } from '../../contract/types';
import { RX_SELF_PAY_KEY } from '../keyboard/function-keys';
import { offersSelfPay, useRxSelfPayStore } from './rx-self-pay-store';

/** Under the red "not in force" notice: the alternative to insurance, 自费结算 with consent (D45). */
export function SelfPayOffer({ view }: { view: PrescriptionView }) {
  if (!offersSelfPay(view)) return null;
  return (
    <div className="rx-self-pay-offer" data-testid="rx-self-pay-offer">
      <span>患者同意全额自费的，可按自费结算（医保基金不支付）：</span>
      <Button onClick={() => void useRxSelfPayStore.getState().open(view)}>
        自费结算 <kbd>{RX_SELF_PAY_KEY}</kbd>
      </Button>
    </div>
  );
}
