import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PaperExportResult } from '../../contract/types-paper';
import { DateRangeFields } from '../components/DateRangeFields';
import { usePaperStore } from './paper-store';
import { useBlobUrl } from './use-blob-url';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** What was exported, where it was saved, its SM3, and the browser download when small enough. */
function ExportedArchive({ exported }: { exported: PaperExportResult }) {
  const href = useBlobUrl(exported.base64, 'application/zip');
  const linkRef = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (href) linkRef.current?.focus();
  }, [href]);
  return (
    <Alert
      type="success"
      showIcon
      data-testid="paper-exported"
      title={`已导出 ${exported.count} 张纸质处方（${exported.from} 至 ${exported.to}）：${exported.fileName}，${mb(exported.size)}`}
      description={
        <div className="work-area-stack">
          <span data-testid="paper-export-path">已保存至本机：{exported.path}</span>
          <span>
            检查包 SM3：<code data-testid="paper-export-sm3">{exported.sm3}</code>
            （报送时一并提供，供核对完整性）
          </span>
          <span>
            内含 images/（影像）、index.json 与
            index.csv（含患者完整姓名与身份证号，仅供医保检查）、
            summary.pdf（汇总，已脱敏）、manifest.json（各文件字节数与SM3）
          </span>
          {href ? (
            <a
              ref={linkRef}
              href={href}
              download={exported.fileName}
              data-testid="paper-export-download"
            >
              下载检查包（Enter）
            </a>
          ) : (
            <span>
              检查包超过 {mb(exported.downloadLimit)}，不提供浏览器下载，请到上述位置取文件
            </span>
          )}
        </div>
      }
    />
  );
}

/** The inspection archive of a period as one zip (R-PAPER-KEEP). */
export function PaperExport() {
  const exported = usePaperStore((s) => s.exported);
  const busy = usePaperStore((s) => s.busy);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  return (
    <section className="paper-export work-area-stack">
      <div className="work-area-row">
        <DateRangeFields
          testIdPrefix="paper-export"
          labels={['归档日期起', '归档日期止']}
          from={from}
          to={to}
          className="paper-field"
          onChange={(f, t) => {
            setFrom(f);
            setTo(t);
          }}
        />
        <Button
          data-testid="paper-export"
          loading={busy}
          disabled={!from || !to}
          onClick={() => void usePaperStore.getState().exportRange(from, to)}
        >
          导出检查包（zip）
        </Button>
      </div>
      {exported && <ExportedArchive exported={exported} />}
    </section>
  );
}
