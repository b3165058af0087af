import { Alert, Button, Select, Tag } from 'antd';
import { useState } from 'react';
import { KeyList } from '../components/KeyList';
import type { SerialPortChoice } from '../scanner/web-serial';
import { BAUD_RATES, useSerialStore } from './serial-store';

const STATE_LABELS = {
  unsupported: '不支持',
  idle: '未连接',
  choosing: '请选择串口',
  connecting: '正在连接',
  open: '已连接',
  error: '出错',
} as const;

function PortChoices({ choices }: { choices: SerialPortChoice[] }) {
  const [selected, setSelected] = useState(0);
  return (
    <>
      <KeyList<SerialPortChoice>
        items={choices}
        itemKey={(p) => p.portId}
        renderItem={(p) => (
          <div className="row-main">
            <span className="row-title">{p.displayName || p.portName}</span>
            <span className="row-sub mono">{p.portName}</span>
          </div>
        )}
        selected={selected}
        onSelect={setSelected}
        onActivate={(p) => void useSerialStore.getState().choose(p.portId)}
        label="可用串口"
        idPrefix="serial-port-list"
        itemTestId="serial-port"
        autoFocus
      />
      <Button onClick={() => void useSerialStore.getState().choose(null)}>不连接</Button>
    </>
  );
}

/** USB serial (COM) scanners through Web Serial; their lines go into the same scan router. */
export function SerialScannerPanel() {
  const state = useSerialStore((s) => s.state);
  const baudRate = useSerialStore((s) => s.baudRate);
  const portLabel = useSerialStore((s) => s.portLabel);
  const message = useSerialStore((s) => s.message);
  const choices = useSerialStore((s) => s.choices);
  const store = useSerialStore.getState();
  if (state === 'unsupported') {
    return (
      <div data-testid="serial-unsupported">
        <Alert
          type="info"
          showIcon
          title="串口（COM）扫码枪需要使用桌面版程序；当前浏览器不支持 Web Serial。键盘模式（USB HID）扫码枪无需设置。"
        />
      </div>
    );
  }
  return (
    <div className="serial-panel" data-testid="serial-panel" data-state={state}>
      <div className="serial-row">
        <Tag
          color={state === 'open' ? 'success' : state === 'error' ? 'error' : 'default'}
          className="status-tag"
        >
          {STATE_LABELS[state]}
          {portLabel ? ` · ${portLabel}` : ''}
        </Tag>
        <label className="threshold" htmlFor="serial-baud-rate">
          波特率
          <Select
            id="serial-baud-rate"
            value={baudRate}
            onChange={(v) => store.setBaudRate(v)}
            options={BAUD_RATES.map((b) => ({ value: b, label: String(b) }))}
            className="serial-baud-rate"
            disabled={state === 'open'}
          />
        </label>
        {state === 'open' ? (
          <Button onClick={() => void store.disconnect()}>断开串口</Button>
        ) : (
          <Button type="primary" data-testid="serial-connect" onClick={() => void store.connect()}>
            连接串口扫码枪
          </Button>
        )}
      </div>
      {choices.length > 0 && <PortChoices choices={choices} />}
      {message && <div className={state === 'error' ? 'bad-text' : 'hint'}>{message}</div>}
      <p className="hint">
        串口扫码枪每读一个条码发送一行（以回车或换行结束），与键盘模式扫码同样处理。
      </p>
    </div>
  );
}
