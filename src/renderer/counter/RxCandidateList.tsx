import { Spin, Tag } from 'antd';
import type { RxCandidate } from '../../contract/types';
import { KeyList } from '../components/KeyList';
import { useIntakeStore } from './intake-store';

/** A QR candidate (7201) carries only its number until downloaded; a listed one (7202) has it all. */
function CandidateRow({ c }: { c: RxCandidate }) {
  const downloading = useIntakeStore((s) => s.downloading === c.hiRxno);
  const subtitle = [c.deptName, c.diagName].filter(Boolean).join(' · ');
  return (
    <>
      <div className="row-main">
        <span className="row-title">{c.fixmedinsName || `处方 ${c.hiRxno}`}</span>
        {subtitle && <span className="row-sub">{subtitle}</span>}
        {c.drugs.length > 0 && (
          <span className="row-sub" data-testid="rx-candidate-drugs">
            {c.drugs.join('、')}
          </span>
        )}
      </div>
      <div className="row-facts">
        <span className="mono" data-testid="rx-candidate-tail">
          尾号 {c.rxnoTail}
        </span>
        {c.prscTime && <span>开方 {c.prscTime}</span>}
        {c.validEndTime && <span>有效至 {c.validEndTime}</span>}
      </div>
      <div className="row-tags">
        {c.statusName && (
          <Tag color="blue" className="status-tag">
            {c.statusName}
          </Tag>
        )}
        {c.downloaded && (
          <Tag className="status-tag" data-testid="rx-candidate-downloaded">
            已下载
          </Tag>
        )}
        {downloading && (
          <span className="row-busy">
            <Spin size="small" /> 正在下载并验签…
          </span>
        )}
      </div>
    </>
  );
}

/** The prescriptions the center offers for the identified patient: ↑↓ choose, Enter downloads. */
export function RxCandidateList() {
  const candidates = useIntakeStore((s) => s.candidates);
  const finding = useIntakeStore((s) => s.finding);
  const selected = useIntakeStore((s) => s.selected);
  const source = useIntakeStore((s) => s.source);
  const downloading = useIntakeStore((s) => s.downloading);

  if (finding) {
    return (
      <div className="loading" data-testid="rx-finding">
        <Spin size="large" /> {source === 'qr' ? '正在解码处方二维码…' : '正在查询电子处方…'}
      </div>
    );
  }
  if (!candidates) return null;
  return (
    <section className="rx-candidates" aria-label="电子处方" data-testid="rx-candidates">
      <h2 className="section-title">
        电子处方 <span className="section-count">{candidates.length} 张</span>
      </h2>
      {candidates.length === 0 ? (
        <div className="patient-none" data-testid="rx-candidates-empty">
          医保中心暂无该参保人可下载的电子处方
        </div>
      ) : (
        <>
          <KeyList
            items={candidates}
            itemKey={(c) => c.hiRxno}
            renderItem={(c) => <CandidateRow c={c} />}
            selected={selected}
            onSelect={(i) => useIntakeStore.getState().select(i)}
            onActivate={(c) => void useIntakeStore.getState().download(c)}
            label="电子处方列表"
            idPrefix="rx-candidate-list"
            itemTestId="rx-candidate"
            itemData={(c) => ({ 'hi-rxno': c.hiRxno, downloaded: c.downloaded })}
            autoFocus
          />
          <p className="hint">
            <kbd>↑</kbd> <kbd>↓</kbd> 选择，<kbd>Enter</kbd>{' '}
            {downloading ? '正在下载…' : '下载并打开处方（已下载的直接打开）'}
          </p>
        </>
      )}
    </section>
  );
}
