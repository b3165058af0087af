import type { EarlierSale, ScanVerdict } from '../../contract/types-dispense';
import { visibleText } from '../../domain/scan/classify';
import { RuleDetails } from '../components/RuleDetails';

function EarlierSaleFacts({ sale }: { sale: EarlierSale }) {
  return (
    <dl className="earlier-sale" data-testid="earlier-sale">
      <div className="fact">
        <dt>已于</dt>
        <dd className="mono" data-testid="earlier-sale-time">
          {sale.soldAt}
        </dd>
      </div>
      <div className="fact">
        <dt>{sale.channel === 'selfPay' ? '销售' : '处方'}</dt>
        <dd className="mono" data-testid="earlier-sale-rx" data-channel={sale.channel}>
          {sale.saleRef}
        </dd>
      </div>
      <div className="fact">
        <dt>患者</dt>
        <dd data-testid="earlier-sale-patient">{sale.patientMasked}</dd>
      </div>
      <div className="fact">
        <dt>药品</dt>
        <dd>{sale.genname}</dd>
      </div>
      {sale.unitsLeft !== null && (
        <div className="fact">
          <dt>拆零剩余</dt>
          <dd>{sale.unitsLeft}</dd>
        </div>
      )}
    </dl>
  );
}

/** The answer to the last pack scan, large: green accepted, red refused with rule and earlier sale. */
export function ScanVerdictBanner({ verdict }: { verdict: ScanVerdict | null }) {
  if (!verdict) {
    return (
      <div className="scan-verdict is-idle" data-testid="scan-verdict" data-verdict="">
        请逐盒扫描药品追溯码
      </div>
    );
  }
  if (verdict.verdict === 'accepted') {
    return (
      <div
        className="scan-verdict is-accepted"
        data-testid="scan-verdict"
        data-verdict="accepted"
        role="status"
      >
        ✓ {verdict.message}
      </div>
    );
  }
  return (
    <div
      className="scan-verdict is-refused"
      data-testid="scan-verdict"
      data-verdict="refused"
      data-reason={verdict.reason}
      data-rule={verdict.ruleId ?? ''}
      role="alert"
    >
      <div className="scan-verdict-title">✗ {verdict.message}</div>
      <RuleDetails ruleId={verdict.ruleId} citation={verdict.citation} />
      <div className="mono scan-verdict-code">{visibleText(verdict.code)}</div>
      {verdict.earlierSale && <EarlierSaleFacts sale={verdict.earlierSale} />}
    </div>
  );
}
