import { Button, Tag } from 'antd';
import { useEffect } from 'react';
import { formatBeijingDateTime } from '../../domain/policy/beijing-time';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatAgo } from '../format/age';
import { useBackupStore } from './backup-store';
import { RestoreSection } from './RestoreSection';
import './backup.css';

/** The counter's backups: when the last good one was made, where, and a button for one now. */
export function BackupPanel({ canRun }: { canRun: boolean }) {
  const status = useBackupStore((s) => s.status);
  const running = useBackupStore((s) => s.running);
  const error = useBackupStore((s) => s.error);
  const exported = useBackupStore((s) => s.exported);

  useEffect(() => {
    void useBackupStore.getState().load();
  }, []);

  const last = status?.last ?? null;
  const lastOk = status?.lastOkAt ?? null;
  return (
    <section
      className="backup-panel"
      data-testid="backup-panel"
      data-overdue={status?.overdue ?? ''}
    >
      <h3 className="backup-title">数据备份</h3>
      {status && (
        <div className="backup-lines">
          <div data-testid="backup-last">
            最近一次成功备份：
            {lastOk === null ? (
              <Tag color="error" className="status-tag">
                从未备份
              </Tag>
            ) : (
              <strong>
                {formatBeijingDateTime(new Date(lastOk))}（{formatAgo(Date.now() - lastOk)}）
              </strong>
            )}
            {status.overdue && lastOk !== null && (
              <Tag color="warning" className="status-tag">
                已超过一天
              </Tag>
            )}
          </div>
          {status.lastRestore && (
            <div data-testid="backup-last-restore">
              最近一次恢复：{formatBeijingDateTime(new Date(status.lastRestore.at))}{' '}
              {status.lastRestore.ok
                ? `已恢复 ${status.lastRestore.backupName}，原数据库保存在 ${status.lastRestore.replacedDir ?? '（无）'}`
                : `未恢复（${status.lastRestore.refusal}），当前数据未改动`}
            </div>
          )}
          {last && !last.ok && (
            <div className="backup-failed" data-testid="backup-failed">
              上次备份失败：{last.error}
            </div>
          )}
          <div className="backup-folder">
            备份文件夹：<span className="mono">{status.folder}</span>
            {status.isDefault && '（与数据同一磁盘，建议设置到第二块硬盘或U盘）'}
          </div>
          <div className="hint">每天自动备份，保留最近 {status.keep} 份。</div>
        </div>
      )}
      {error && <ErrorAlert error={error} testId="backup-error" />}
      {canRun && (
        <div className="backup-actions">
          <Button
            size="large"
            data-testid="backup-run"
            loading={running}
            onClick={() => void useBackupStore.getState().runNow()}
          >
            立即备份
          </Button>
          <Button
            size="large"
            data-testid="log-export"
            onClick={() => void useBackupStore.getState().exportLogs()}
          >
            导出日志
          </Button>
        </div>
      )}
      {exported && (
        <div className="backup-folder" data-testid="log-exported">
          日志已导出（{exported.logFiles} 个日志文件）：
          <span className="mono">{exported.file}</span>
        </div>
      )}
      {canRun && <RestoreSection />}
    </section>
  );
}
