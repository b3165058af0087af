import { Alert, Button } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PickedImage } from './ImagePreview';
import { readImageFile } from './read-image-file';

const QUALITY = 0.92;

function cameraError(err: unknown): string {
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'NotAllowedError')
    return '摄像头权限被拒绝：请在浏览器或系统设置中允许本应用使用摄像头';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '未找到可用的摄像头';
  if (name === 'NotReadableError') return '摄像头被其他程序占用，请关闭后重试';
  return `摄像头无法打开${name ? `（${name}）` : ''}`;
}

function stop(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * The camera as a capture source (getUserMedia: browser mode on this computer's own address,
 * or the desktop shell, which grants the camera to the app's own pages only). Enter takes the
 * photo as a JPEG; the camera is released when the panel closes.
 */
export function CameraCapture({ onPicked }: { onPicked(image: PickedImage): void }) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const shootRef = useRef<HTMLButtonElement>(null);
  const [live, setLive] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) {
      setError('此处无法使用摄像头：请在本机地址（127.0.0.1）或桌面应用中打开');
      return;
    }
    media
      .getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 2560 }, height: { ideal: 1920 } },
        audio: false,
      })
      .then(async (s) => {
        if (cancelled) return stop(s);
        stream = s;
        const video = videoRef.current;
        if (!video) return;
        video.srcObject = s;
        await video.play();
        setLive(true);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(cameraError(err));
      });
    return () => {
      cancelled = true;
      if (stream) stop(stream);
    };
  }, []);

  useEffect(() => {
    if (live) shootRef.current?.focus();
  }, [live]);

  const shoot = async () => {
    const video = videoRef.current;
    if (!video?.videoWidth) return;
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    canvas.getContext('2d')?.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/jpeg', QUALITY));
    if (!blob) return setError('拍照失败，请重试');
    const stamp = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 19).replace(/\D/g, '');
    const got = await readImageFile(new File([blob], `拍照-${stamp}.jpg`, { type: 'image/jpeg' }));
    if (typeof got === 'string') return setError(got);
    setError(null);
    onPicked(got);
  };

  return (
    <div className="paper-camera work-area-stack">
      <video
        ref={videoRef}
        muted
        playsInline
        aria-label="摄像头画面"
        data-testid="paper-camera-video"
        className="paper-preview-image"
      />
      <Button
        ref={shootRef}
        type="primary"
        data-testid="paper-camera-shoot"
        disabled={!live}
        onClick={() => void shoot()}
      >
        拍照（Enter）
      </Button>
      {error && <Alert type="error" showIcon title={error} data-testid="paper-camera-error" />}
    </div>
  );
}
