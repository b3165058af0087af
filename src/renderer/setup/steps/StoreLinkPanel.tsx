import { Alert, Button, Input, Radio } from 'antd';
import { useState } from 'react';
import type { StoreLinkChoice } from '../../../contract/types-setup';
import type { AppErrorShape } from '../../../domain/errors';
import { api, toShape } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';

/**
 * 单柜台 or 门店柜台 (issue 17): a counter of a store names its store server, its counter id and
 * secret; the choice is kept only after the store server answered (store.status).
 */
export function StoreLinkPanel() {
  const [kind, setKind] = useState<'single' | 'counter'>('single');
  const [url, setUrl] = useState('');
  const [counterId, setCounterId] = useState('');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<StoreLinkChoice | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  async function save(input: Parameters<typeof api.call<'setup.storeLink'>>[1]) {
    setBusy(true);
    setError(null);
    try {
      setDone(await api.call('setup.storeLink', input));
    } catch (e) {
      setDone(null);
      setError(toShape(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <fieldset className="setup-store" data-testid="setup-store">
      <legend>柜台类型</legend>
      <Radio.Group
        value={kind}
        onChange={(e) => {
          setKind(e.target.value);
          setDone(null);
          if (e.target.value === 'single') void save({ mode: 'single' });
        }}
        options={[
          { value: 'single', label: '单柜台（本机数据库）' },
          { value: 'counter', label: '门店柜台（连接本店门店服务器，多柜台共用追溯码登记）' },
        ]}
      />
      {kind === 'counter' && (
        <form
          className="setup-store-form"
          onSubmit={(e) => {
            e.preventDefault();
            e.stopPropagation();
            void save({ mode: 'counter', url, counterId, secret });
          }}
        >
          <label htmlFor="store-url">
            门店服务器地址
            <Input
              id="store-url"
              autoFocus
              data-testid="setup-store-url"
              placeholder="http://192.168.1.10:7380"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          </label>
          <label htmlFor="store-counter">
            柜台号
            <Input
              id="store-counter"
              data-testid="setup-store-counter"
              value={counterId}
              onChange={(e) => setCounterId(e.target.value)}
            />
          </label>
          <label htmlFor="store-secret">
            柜台密钥
            <Input.Password
              id="store-secret"
              data-testid="setup-store-secret"
              value={secret}
              onChange={(e) => setSecret(e.target.value)}
            />
          </label>
          <Button htmlType="submit" loading={busy} data-testid="setup-store-test">
            测试连接并保存 <kbd>Enter</kbd>
          </Button>
        </form>
      )}
      {error && <ErrorAlert error={error} testId="setup-store-error" />}
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid="setup-store-done"
          title={<span className="message-text">{done.message}</span>}
        />
      )}
    </fieldset>
  );
}
