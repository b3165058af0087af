import type { PickedImage } from './ImagePreview';

export const IMAGE_MAX_BYTES = 10 * 1024 * 1024;
const TYPES = ['image/jpeg', 'image/png', 'application/pdf'];

/** A chosen file as Base64, or a Chinese reason why it cannot be used. */
export function readImageFile(file: File): Promise<PickedImage | string> {
  if (!TYPES.includes(file.type)) return Promise.resolve('处方影像须为 JPEG、PNG 或 PDF 文件');
  if (file.size > IMAGE_MAX_BYTES) return Promise.resolve('处方影像不得超过10 MB');
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve({
        name: file.name,
        mime: file.type,
        size: file.size,
        base64: url.slice(url.indexOf(',') + 1),
      });
    };
    reader.onerror = () => resolve('无法读取所选文件');
    reader.readAsDataURL(file);
  });
}
