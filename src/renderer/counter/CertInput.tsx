import { Button, Input, type InputRef } from 'antd';
import { useEffect, useRef } from 'react';
import type { MdtrtCertType } from '../../domain/insurance';
import { useNavigation } from '../navigation/navigation-store';
import { useUiStore } from '../stores/ui-store';
import { usePatientStore } from './patient-store';

const PLACEHOLDERS: Record<MdtrtCertType, string> = {
  '01': '扫描患者医保电子凭证二维码，或输入凭证码',
  '02': '输入18位居民身份证号码',
  '03': '输入社会保障卡号',
};

/** The credential field. Enter queries; for a social-security card Enter first moves to card_sn. */
export function CertInput() {
  const certType = usePatientStore((s) => s.certType);
  const certNo = usePatientStore((s) => s.certNo);
  const cardSn = usePatientStore((s) => s.cardSn);
  const loading = usePatientStore((s) => s.loading);
  const focusRequest = useUiStore((s) => s.focusRequest);
  const certRef = useRef<InputRef>(null);
  const snRef = useRef<InputRef>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caret returns on each focus request and each change of credential type
  useEffect(() => {
    // A page or dialog opened meanwhile (the counter may finish loading after it) keeps its focus.
    const covered =
      useNavigation.getState().pages.length > 0 || useUiStore.getState().overlay !== null;
    if (!covered) certRef.current?.focus();
  }, [focusRequest, certType]);

  const submit = () => {
    // Read the store, not the render's values: a key given back by the scanner capture may be newer.
    const s = usePatientStore.getState();
    if (s.certType === '03' && s.certNo.trim() && !s.cardSn.trim()) {
      snRef.current?.focus();
      return;
    }
    void s.lookup();
  };

  return (
    <div className="cert-input">
      <Input
        ref={certRef}
        size="large"
        className="cert-input-field"
        data-testid="cert-input"
        autoComplete="off"
        spellCheck={false}
        maxLength={512}
        placeholder={PLACEHOLDERS[certType]}
        value={certNo}
        onChange={(e) => usePatientStore.getState().setCertNo(e.target.value)}
        onPressEnter={submit}
        aria-label="凭证号码"
      />
      {certType === '03' && (
        <Input
          ref={snRef}
          size="large"
          data-testid="card-sn-input"
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
          placeholder="卡识别码（card_sn）"
          value={cardSn}
          onChange={(e) => usePatientStore.getState().setCardSn(e.target.value)}
          onPressEnter={submit}
          aria-label="卡识别码"
        />
      )}
      <Button
        type="primary"
        size="large"
        data-testid="lookup-submit"
        loading={loading}
        onClick={submit}
      >
        查询参保人 <kbd>Enter</kbd>
      </Button>
    </div>
  );
}
