import type { ReactNode } from 'react';
import type { SignatureCheck } from '../../contract/types';

const CENTER_STATES = {
  passed: { text: '✓ 中心核验通过', cls: 'ok-text' },
  failed: { text: '✗ 中心核验未通过', cls: 'bad-text' },
  unreachable: { text: '! 医保中心暂不可达，未完成核验', cls: 'warn-text' },
} as const;

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}

/** R-SIGN: local verification, the center's 7205 answer, and the signing certificate. */
export function SignaturePanel({ signature }: { signature: SignatureCheck }) {
  const { local, center, cert } = signature;
  const centerState = CENTER_STATES[center.state];
  return (
    <section
      className="rx-pane"
      aria-label="电子签名核验"
      data-testid="signature-panel"
      data-local-valid={local.valid}
      data-center-state={center.state}
    >
      <h3 className="pane-title">电子签名核验</h3>
      <dl className="facts">
        <Row label="本地验签" testId="sign-local">
          <span className={local.valid ? 'ok-text' : 'bad-text'}>
            {local.valid ? '✓ 有效' : '✗ 无效'}
          </span>{' '}
          {local.message}
          <span className="mono drug-code">{local.code}</span>
        </Row>
        <Row label="中心核验 7205" testId="sign-center">
          <span className={centerState.cls}>{centerState.text}</span> {center.message}
          {center.verifySn && <span className="mono drug-code">核验流水 {center.verifySn}</span>}
        </Row>
        {signature.alteredFields.length > 0 && (
          <Row label="被改动字段" testId="sign-altered">
            <span className="bad-text">{signature.alteredFields.join('、')}</span>
          </Row>
        )}
        <Row label="核验时间">{signature.checkedAt}</Row>
      </dl>
      <h4 className="pane-subtitle">签名证书</h4>
      {cert ? (
        <dl className="facts" data-testid="sign-cert">
          <Row label="序列号">
            <span className="mono break">{cert.serial}</span>
          </Row>
          <Row label="证书主体">
            <span className="break">{cert.subject}</span>
          </Row>
          <Row label="颁发者">
            <span className="break">{cert.issuer}</span>
          </Row>
          <Row label="有效期">
            {cert.notBefore} 至 {cert.notAfter}
          </Row>
          <Row label="所属机构" testId="sign-cert-institution">
            {cert.institution}
          </Row>
        </dl>
      ) : (
        <div className="bad-text" data-testid="sign-cert-missing">
          未取得签名证书
        </div>
      )}
    </section>
  );
}
