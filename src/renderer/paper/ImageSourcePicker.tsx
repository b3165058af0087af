import { Button } from 'antd';
import { useRef } from 'react';
import { CameraCapture } from './CameraCapture';
import { type CaptureSource, useCaptureSourceStore } from './capture-source-store';
import type { PickedImage } from './ImagePreview';
import { readImageFile } from './read-image-file';
import { ScanFolderPicker } from './ScanFolderPicker';

const SOURCES: Array<[CaptureSource, string, string]> = [
  ['file', '选择文件（Alt+O）', 'paper-source-file'],
  ['scan', '扫描仪文件夹（Alt+G）', 'paper-source-scan'],
  ['camera', '摄像头拍照（Alt+M）', 'paper-source-camera'],
];

interface Props {
  onPicked(image: PickedImage): void;
  onError(message: string | null): void;
}

/** The prescription image from a file, the document scanner's folder, or the camera. */
export function ImageSourcePicker({ onPicked, onError }: Props) {
  const { source, choose } = useCaptureSourceStore();
  const fileRef = useRef<HTMLInputElement>(null);
  const picked = (image: PickedImage) => {
    onError(null);
    onPicked(image);
  };
  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    const got = await readImageFile(file);
    if (typeof got === 'string') onError(got);
    else picked(got);
  };
  const select = (next: CaptureSource) => {
    choose(next);
    if (next === 'file') fileRef.current?.click();
  };
  return (
    <div className="paper-source work-area-stack">
      {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons; a fieldset would add its border and legend layout */}
      <div className="work-area-row" role="group" aria-label="处方影像来源">
        {SOURCES.map(([key, label, testId]) => (
          <Button
            key={key}
            data-testid={testId}
            type={source === key ? 'primary' : 'default'}
            onClick={() => select(key)}
          >
            {label}
          </Button>
        ))}
      </div>
      <input
        ref={fileRef}
        data-testid="paper-image-input"
        type="file"
        accept="image/jpeg,image/png,application/pdf"
        hidden
        onChange={(e) => {
          void pickFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {source === 'scan' && <ScanFolderPicker onPicked={picked} />}
      {source === 'camera' && <CameraCapture onPicked={picked} />}
    </div>
  );
}
