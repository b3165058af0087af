import { Button, Descriptions, Form } from 'antd';
import { useEffect, useRef } from 'react';
import { readAsBase64, readAsText } from '../read-file';
import { useSetupStore } from '../setup-store';

export function ImportStep() {
  const busy = useSetupStore((s) => s.busy);
  const summary = useSetupStore((s) => s.summary);
  const configInput = useRef<HTMLInputElement>(null);
  const caInput = useRef<HTMLInputElement>(null);
  useEffect(() => configInput.current?.focus(), []);

  async function submit() {
    if (summary && !configInput.current?.files?.length) return useSetupStore.getState().go(2);
    const config = configInput.current?.files?.[0];
    const cas = [...(caInput.current?.files ?? [])];
    if (!config || cas.length === 0) {
      useSetupStore.setState({
        error: { code: 'VALIDATION', message: '请选择中心配置文件（JSON）和至少一个 CA 证书文件' },
      });
      return;
    }
    const caFiles = await Promise.all(
      cas.map(async (f) => ({ name: f.name, contentBase64: await readAsBase64(f) })),
    );
    await useSetupStore.getState().importConfig(await readAsText(config), caFiles);
    if (!useSetupStore.getState().error) {
      // Imported: the next Enter moves on instead of importing the same files again.
      for (const input of [configInput.current, caInput.current]) if (input) input.value = '';
      document.querySelector<HTMLButtonElement>('[data-testid="setup-import-submit"]')?.focus();
    }
  }

  return (
    <section className="setup-step" data-testid="setup-import">
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label="医保中心配置文件（JSON，含接口地址、应用编号与密钥、SM2 密钥、接入令牌、药店信息）">
          <input
            ref={configInput}
            type="file"
            accept=".json,application/json"
            data-testid="setup-config-file"
          />
        </Form.Item>
        <Form.Item label="CA 证书（医保部门提供，PEM 或 DER，可多选）">
          <input ref={caInput} type="file" multiple data-testid="setup-ca-files" />
        </Form.Item>
        {summary && (
          <Descriptions
            bordered
            size="small"
            column={2}
            className="setup-summary"
            data-testid="setup-summary"
            items={[
              {
                key: 'p',
                label: '药店',
                children: `${summary.pharmacy.name}（${summary.pharmacy.code}）`,
              },
              { key: 'a', label: '统筹区划', children: summary.pharmacy.admdvs },
              {
                key: 'r',
                label: '地区政策包',
                children: `${summary.region.name}（之后只能收窄，不能扩大）`,
              },
              { key: 'f', label: '医保服务接口', children: summary.fsiUrl },
              { key: 'e', label: '电子处方中心', children: summary.epcUrl },
              { key: 'i', label: '应用编号', children: summary.appIdMasked },
              { key: 'c', label: 'CA 证书', children: summary.caFiles.join('、') },
              { key: 'l', label: '吊销列表地址', children: summary.crlUrl ?? '未配置' },
              { key: 's', label: '密钥', children: summary.secretsNote },
            ]}
          />
        )}
        <div className="setup-actions">
          <Button onClick={() => useSetupStore.getState().back()}>
            上一步 <kbd>Esc</kbd>
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="setup-import-submit">
            {summary ? '下一步' : '导入'} <kbd>Enter</kbd>
          </Button>
        </div>
      </Form>
    </section>
  );
}
