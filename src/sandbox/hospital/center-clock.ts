/** Client of the sandbox's clock control (`/x/sandbox/clock`), for tests and demo data. */
export async function setCenterClock(baseUrl: string, offsetMs: number): Promise<void> {
  const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/x/sandbox/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ offsetMs }),
  });
  if (!res.ok) throw new Error(`设置沙箱时钟失败：HTTP ${res.status}`);
}

export async function resetCenterClock(baseUrl: string): Promise<void> {
  const res = await fetch(`${baseUrl.replace(/\/+$/, '')}/x/sandbox/clock`, { method: 'DELETE' });
  if (!res.ok) throw new Error(`重置沙箱时钟失败：HTTP ${res.status}`);
}
