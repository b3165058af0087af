import { Alert, Button, Modal, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { RegionSettings } from '../../contract/types';
import { ROLE_LABELS } from '../../domain/staff';
import { BackupPanel } from '../backup/BackupPanel';
import { ErrorAlert } from '../components/ErrorAlert';
import { KeyList } from '../components/KeyList';
import { RuleDetails } from '../components/RuleDetails';
import { PrintPanel } from '../printing/PrintPanel';
import { useSessionStore } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { useRegionStore } from './region-store';

type Region = RegionSettings['regions'][number];

function RegionPicker({ settings, canSwitch }: { settings: RegionSettings; canSwitch: boolean }) {
  const saving = useRegionStore((s) => s.saving);
  const current = Math.max(
    0,
    settings.regions.findIndex((r) => r.id === settings.regionId),
  );
  const [selected, setSelected] = useState(current);
  const chosen = settings.regions[selected];
  const apply = (r: Region | undefined) => {
    if (!canSwitch || !r || r.id === settings.regionId) return;
    void useRegionStore
      .getState()
      .switchTo(r.id)
      .then((ok) => {
        if (ok) useUiStore.getState().setOverlay(null);
      });
  };
  return (
    <>
      <KeyList<Region>
        items={settings.regions}
        itemKey={(r) => r.id}
        renderItem={(r) => (
          <div className="row-main">
            <span className="row-title">{r.name}</span>
            <span className="row-sub mono">{r.id}</span>
            {r.id === settings.regionId && (
              <Tag color="success" className="status-tag">
                当前
              </Tag>
            )}
          </div>
        )}
        selected={selected}
        onSelect={setSelected}
        onActivate={apply}
        label="统筹地区政策包"
        idPrefix="region-list"
        itemTestId="region-option"
        itemData={(r) => ({ 'region-id': r.id, current: r.id === settings.regionId })}
        autoFocus
      />
      {canSwitch && (
        <Button
          type="primary"
          size="large"
          data-testid="region-apply"
          loading={saving}
          disabled={!chosen || chosen.id === settings.regionId}
          onClick={() => apply(chosen)}
        >
          切换为所选地区 <kbd>Enter</kbd>
        </Button>
      )}
    </>
  );
}

/** F10: the pharmacy's region policy pack (R-REGION); only an administrator may switch it. */
export function RegionModal() {
  const open = useUiStore((s) => s.overlay === 'region');
  const role = useSessionStore((s) => s.session?.staff.role);
  const settings = useRegionStore((s) => s.settings);
  const loading = useRegionStore((s) => s.loading);
  const error = useRegionStore((s) => s.error);
  const canSwitch = role === 'admin';

  useEffect(() => {
    if (open) void useRegionStore.getState().load();
  }, [open]);

  const currentName = settings?.regions.find((r) => r.id === settings.regionId)?.name;
  return (
    <Modal
      open={open}
      onCancel={() => useUiStore.getState().setOverlay(null)}
      footer={null}
      title="地区设置（F10）"
      width={640}
      destroyOnHidden
    >
      <div data-testid="region-settings" className="overlay-body" data-can-switch={canSwitch}>
        {settings && (
          <div
            className="region-current"
            data-testid="region-current"
            data-region={settings.regionId}
          >
            当前统筹地区政策包：<strong>{currentName ?? settings.regionId}</strong>
          </div>
        )}
        {!canSwitch && role && (
          <div data-testid="region-readonly">
            <Alert
              type="info"
              showIcon
              title={`只读：仅管理员可切换统筹地区政策包（当前登录为${ROLE_LABELS[role]}）。地区决定处方有效期、排除药品类别与异地处方规则。`}
              description={<RuleDetails ruleId="R-REGION" />}
            />
          </div>
        )}
        {error && <ErrorAlert error={error} testId="region-error" />}
        {loading && !settings && (
          <div className="loading">
            <Spin /> 正在读取…
          </div>
        )}
        {settings && !loading && <RegionPicker settings={settings} canSwitch={canSwitch} />}
        {canSwitch && (
          <p className="hint">
            <kbd>↑</kbd> <kbd>↓</kbd> 选择，<kbd>Enter</kbd> 切换；已打开的处方将按新地区重新评估。
          </p>
        )}
        {role === 'admin' && <BackupPanel canRun />}
        {role === 'admin' && <PrintPanel />}
      </div>
    </Modal>
  );
}
