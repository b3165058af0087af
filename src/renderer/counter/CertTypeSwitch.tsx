import { Segmented } from 'antd';
import type { MdtrtCertType } from '../../domain/insurance';
import { useUiStore } from '../stores/ui-store';
import { usePatientStore } from './patient-store';

const OPTIONS: Array<{ value: MdtrtCertType; key: string; label: string }> = [
  { value: '01', key: 'F2', label: '医保电子凭证' },
  { value: '02', key: 'F3', label: '身份证' },
  { value: '03', key: 'F4', label: '社保卡' },
];

export function CertTypeSwitch() {
  const certType = usePatientStore((s) => s.certType);
  const setCertType = usePatientStore((s) => s.setCertType);
  return (
    <Segmented<MdtrtCertType>
      block
      size="large"
      data-testid="cert-type"
      value={certType}
      onChange={(v) => {
        setCertType(v);
        useUiStore.getState().requestFocus();
      }}
      options={OPTIONS.map((o) => ({
        value: o.value,
        label: (
          <span data-testid={`cert-type-${o.value}`}>
            <kbd>{o.key}</kbd> {o.label}
          </span>
        ),
      }))}
    />
  );
}
