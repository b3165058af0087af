/** Unmissable while the app talks to the embedded sandbox center rather than a real one. */
export function SandboxBanner() {
  return (
    <div className="sandbox-banner" data-testid="sandbox-banner" role="status">
      沙箱环境 · 非真实医保中心，所有数据仅用于演示和测试
    </div>
  );
}
