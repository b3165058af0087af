import { Alert, Button, Checkbox, Input, type InputRef } from 'antd';
import { useRef, useState } from 'react';
import { DateField } from '../components/DateField';
import { ErrorAlert } from '../components/ErrorAlert';
import { type CaptureText, useCaptureDraftStore } from './capture-draft-store';
import { DrugLineEditor } from './DrugLineEditor';
import { FindingList } from './FindingList';
import { ImagePreview } from './ImagePreview';
import { ImageSourcePicker } from './ImageSourcePicker';
import { MtClaimSale } from './MtClaimSale';
import { type PaperFieldsInput, usePaperStore } from './paper-store';

type TextField = keyof CaptureText;

const TEXT_FIELDS: Array<[TextField, string, string]> = [
  ['institutionCode', '机构编码', 'paper-institution-code'],
  ['institutionName', '机构名称', 'paper-institution-name'],
  ['serialNo', '处方编号', 'paper-serial'],
  ['rxDate', '开具日期', 'paper-date'],
  ['physicianName', '医保医师', 'paper-physician'],
  ['patientName', '患者姓名', 'paper-patient-name'],
  ['patientCertno', '身份证号', 'paper-patient-certno'],
];

/** Capture: image (file, scanner folder or camera), fields, signature/stamp confirmation, check (Alt+K) and save (Alt+S). */
export function CaptureForm() {
  const { drugs, busy, check, saved, error } = usePaperStore();
  const { text, lines, longRx, chronicSpecial, selfPayConsent, signature, stamp, image, change } =
    useCaptureDraftStore();
  const [fileError, setFileError] = useState<string | null>(null);
  const firstField = useRef<InputRef>(null);
  /** A refusal whose findings the list already shows (the checks); every other one is shown here. */
  const findingsShown = check !== null && error?.detail?.startsWith('{') === true;

  const fields = (): PaperFieldsInput => ({
    ...text,
    longRx,
    chronicSpecial,
    selfPayConsent: chronicSpecial && selfPayConsent,
    signatureConfirmed: signature,
    stampConfirmed: stamp,
    lines,
  });
  const save = async () => {
    if (!image) {
      setFileError('请先选择处方影像');
      return;
    }
    const done = await usePaperStore.getState().capture(fields(), image.base64);
    if (done) useCaptureDraftStore.getState().archived();
  };

  return (
    <section className="paper-capture work-area-columns">
      <div className="paper-form work-area-stack">
        <ImageSourcePicker
          onPicked={(picked) => {
            change({ image: picked });
            // the file dialog (or the camera) gave the focus back to the page: keep it in the form
            firstField.current?.focus();
          }}
          onError={setFileError}
        />
        {fileError && <Alert type="error" title={fileError} />}
        {TEXT_FIELDS.map(([key, label, testId]) =>
          key === 'rxDate' ? (
            <DateField
              key={key}
              testId={testId}
              prefix={label}
              value={text[key]}
              onChange={(v) => change({ text: { ...text, [key]: v } })}
            />
          ) : (
            <Input
              key={key}
              ref={key === 'institutionCode' ? firstField : undefined}
              data-testid={testId}
              prefix={label}
              value={text[key]}
              onChange={(e) => change({ text: { ...text, [key]: e.target.value } })}
            />
          ),
        )}
        <DrugLineEditor drugs={drugs} lines={lines} onChange={(next) => change({ lines: next })} />
        <Checkbox checked={longRx} onChange={(e) => change({ longRx: e.target.checked })}>
          长期处方（最长12周）
        </Checkbox>
        <Checkbox
          data-testid="paper-chronic-special"
          checked={chronicSpecial}
          onChange={(e) => change({ chronicSpecial: e.target.checked })}
        >
          门特处方（门诊特定病种）
        </Checkbox>
        {chronicSpecial && (
          <Checkbox
            data-testid="paper-self-pay-consent"
            checked={selfPayConsent}
            onChange={(e) => change({ selfPayConsent: e.target.checked })}
          >
            患者同意全额自费购药，回开方医院办理零星报销
          </Checkbox>
        )}
        <Checkbox
          data-testid="paper-signature"
          checked={signature}
          onChange={(e) => change({ signature: e.target.checked })}
        >
          已核对医保医师签名
        </Checkbox>
        <Checkbox
          data-testid="paper-stamp"
          checked={stamp}
          onChange={(e) => change({ stamp: e.target.checked })}
        >
          已核对外配处方专用章
        </Checkbox>
        <div className="paper-actions work-area-row">
          <Button
            data-testid="paper-check"
            loading={busy}
            onClick={() => void usePaperStore.getState().runCheck(fields())}
          >
            核验（Alt+K）
          </Button>
          <Button
            data-testid="paper-save"
            type="primary"
            loading={busy}
            onClick={() => void save()}
          >
            保存归档（Alt+S）
          </Button>
        </div>
      </div>
      <div className="paper-side work-area-stack">
        <ImagePreview image={image} />
        {error && !findingsShown && <ErrorAlert error={error} testId="paper-error" />}
        {check && <FindingList check={check} />}
        <MtClaimSale />
        {saved && (
          <Alert
            data-testid="paper-saved"
            type="success"
            showIcon
            title={`已归档：第${saved.id}号（${saved.statusLabel}），影像SM3 ${saved.image.sm3.slice(0, 16)}…，保存至${saved.retainedUntil.slice(0, 10)}`}
            description={
              saved.confirmation.state === 'pending'
                ? '请执业药师在下方查询结果中核对影像后确认，确认后方可调剂'
                : undefined
            }
          />
        )}
      </div>
    </section>
  );
}
