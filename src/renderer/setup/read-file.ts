/** A chosen file's bytes as Base64 (CA certificates may be DER), or its text (the JSON file). */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error('无法读取所选文件'));
    reader.readAsDataURL(file);
  });
}

export function readAsText(file: File): Promise<string> {
  return file.text();
}
