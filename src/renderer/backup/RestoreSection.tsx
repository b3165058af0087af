import { Button, Input, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { BackupEntry } from '../../contract/types-backup';
import { RESTORE_CONFIRMATION } from '../../contract/types-backup';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import { ErrorAlert } from '../components/ErrorAlert';
import { useRestoreStore } from './restore-store';

const sizeText = (bytes: number | null) =>
  bytes === null ? '—' : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function BackupRow({ entry, selected }: { entry: BackupEntry; selected: boolean }) {
  return (
    <label className={`restore-row${selected ? ' selected' : ''}`} data-testid="restore-backup">
      <input
        type="radio"
        name="restore-backup"
        checked={selected}
        onChange={() => useRestoreStore.getState().select(entry.name)}
      />
      <span>
        {entry.createdAt === null ? '清单缺失' : formatBeijingDateTime(new Date(entry.createdAt))}
      </span>
      <span>{sizeText(entry.bytes)}</span>
      <span>数据结构版本 {entry.schemaVersion ?? '—'}</span>
    </label>
  );
}

/**
 * Restore (administrator): choose a backup, 检查 runs the full check, and only a passing one can
 * be restored after typing the confirmation; the counter then restarts and applies it.
 */
export function RestoreSection() {
  const { backups, selected, check, busy, confirming, restarting, error } = useRestoreStore();
  const [typed, setTyped] = useState('');

  useEffect(() => {
    void useRestoreStore.getState().load();
  }, []);

  if (restarting) {
    return (
      <div className="restore-notice" data-testid="restore-restarting" role="status">
        正在恢复备份，柜台程序正在重启，完成后请重新登录……
      </div>
    );
  }
  return (
    <div className="restore-section" data-testid="restore-section">
      <h4 className="restore-title">从备份恢复</h4>
      {backups.length === 0 ? (
        <div className="hint">备份文件夹中还没有备份</div>
      ) : (
        <div className="restore-list">
          {backups.slice(0, 5).map((b) => (
            <BackupRow key={b.name} entry={b} selected={b.name === selected} />
          ))}
        </div>
      )}
      <div className="restore-actions">
        <Button
          size="large"
          disabled={!selected}
          loading={busy && !confirming}
          data-testid="restore-check"
          onClick={() => void useRestoreStore.getState().runCheck()}
        >
          检查
        </Button>
        <Button
          size="large"
          danger
          disabled={!check?.ok}
          data-testid="restore-start"
          onClick={() => {
            setTyped('');
            useRestoreStore.getState().askConfirm(true);
          }}
        >
          恢复
        </Button>
      </div>
      {check && (
        <ul className="restore-findings" data-testid="restore-findings" data-ok={check.ok}>
          {check.findings.map((f) => (
            <li key={f.text} className={f.ok ? 'ok-text' : 'restore-bad'}>
              <Tag color={f.ok ? 'success' : 'error'} className="status-tag">
                {f.ok ? '通过' : '未通过'}
              </Tag>
              {f.text}
            </li>
          ))}
          {!check.ok && <li className="restore-bad">该备份不能恢复</li>}
        </ul>
      )}
      {confirming && (
        <div className="restore-confirm" data-testid="restore-confirm">
          <div>
            当前数据将被该备份替换（原数据库另存，不删除），柜台程序随即重启。请输入“
            {RESTORE_CONFIRMATION}”后按 Enter：
          </div>
          <Input
            autoFocus
            size="large"
            value={typed}
            data-testid="restore-confirm-input"
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                useRestoreStore.getState().askConfirm(false);
              }
              if (e.key === 'Enter') {
                e.preventDefault();
                void useRestoreStore.getState().restore(typed.trim());
              }
            }}
          />
          <Button
            size="large"
            type="primary"
            danger
            loading={busy}
            disabled={typed.trim() !== RESTORE_CONFIRMATION}
            data-testid="restore-confirm-ok"
            onClick={() => void useRestoreStore.getState().restore(typed.trim())}
          >
            确认恢复 <kbd>Enter</kbd>
          </Button>
        </div>
      )}
      {error && <ErrorAlert error={error} testId="restore-error" />}
    </div>
  );
}
