import { Button, Empty, Input } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSessionStore } from '../stores/session-store';
import { useCaptureSourceStore } from './capture-source-store';
import type { PickedImage } from './ImagePreview';

/** Administrators point the scanner source at the folder the document scanner saves into. */
function ScanFolderSetting({ folder }: { folder: string }) {
  const [value, setValue] = useState(folder);
  const { setFolder, busy } = useCaptureSourceStore();
  return (
    <div className="paper-scan-setting work-area-row">
      <Input
        data-testid="paper-scan-folder-input"
        prefix="扫描仪文件夹"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onPressEnter={() => void setFolder(value.trim())}
        className="paper-scan-folder-input"
      />
      <Button
        data-testid="paper-scan-folder-save"
        loading={busy}
        disabled={!value.trim()}
        onClick={() => void setFolder(value.trim())}
      >
        保存（Enter）
      </Button>
      <Button onClick={() => void setFolder(null)}>恢复默认</Button>
    </div>
  );
}

/** The newest scans in the scanner's folder; Tab / arrow to one, Enter takes it. */
export function ScanFolderPicker({ onPicked }: { onPicked(image: PickedImage): void }) {
  const { scans, busy, error, loadScans, readScan } = useCaptureSourceStore();
  const isAdmin = useSessionStore((s) => s.session?.staff.role === 'admin');
  const take = async (name: string) => {
    const got = await readScan(name);
    if (got) onPicked(got);
  };
  return (
    <div className="paper-scans work-area-stack" data-testid="paper-scan-list">
      <div className="work-area-row">
        <span>
          扫描仪文件夹：{scans?.folder ?? '…'}
          {scans?.isDefault ? '（默认，管理员可更改）' : ''}
        </span>
        <Button size="small" loading={busy} onClick={() => void loadScans()}>
          刷新（Alt+L）
        </Button>
      </div>
      {scans && scans.files.length === 0 && (
        <Empty description="文件夹中没有 JPEG / PNG / PDF 影像；扫描仪保存后按 Alt+L 刷新" />
      )}
      {scans?.files.map((f, i) => (
        <Button
          key={f.name}
          block
          autoFocus={i === 0}
          data-testid="paper-scan-file"
          onClick={() => void take(f.name)}
          className="paper-scan-file"
        >
          {f.name} · {f.modifiedAt} · {(f.size / 1024).toFixed(0)} KB
        </Button>
      ))}
      {isAdmin && scans && <ScanFolderSetting key={scans.folder} folder={scans.folder} />}
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
