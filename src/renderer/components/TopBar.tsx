import { Button } from 'antd';
import type { AppInfo, SessionInfo } from '../../contract/types';
import { LOGOUT_KEY } from '../keyboard/function-keys';
import { OutboxChip } from '../outbox/OutboxChip';
import { ShiftChip } from '../shift/ShiftChip';
import { StoreLinkChip } from '../store-link/StoreLinkChip';
import { useUiStore } from '../stores/ui-store';
import { CenterStatus } from './CenterStatus';

/**
 * Who is signed in sits beside the pharmacy's name, so the status chips get a row of their own at
 * 1366 px and do not wrap even for a counter of a store (its chips are the longest).
 */
export function TopBar({ info, session }: { info: AppInfo | null; session: SessionInfo | null }) {
  return (
    <header className="top-bar">
      <div className="top-bar-title" data-testid="pharmacy-name">
        {info?.pharmacy.name ?? '医保电子处方药店柜台'}
      </div>
      {session && (
        <div className="top-bar-account">
          <span className="staff" data-testid="staff-name">
            {session.staff.displayName}
            <span className="staff-role">{session.staff.roleLabel}</span>
          </span>
          <Button data-testid="logout" onClick={() => useUiStore.getState().setOverlay('logout')}>
            退出登录 <kbd>{LOGOUT_KEY}</kbd>
          </Button>
        </div>
      )}
      {session && (
        <div className="top-bar-status">
          <ShiftChip />
          <CenterStatus center={session.center} />
          <OutboxChip />
          <StoreLinkChip />
        </div>
      )}
    </header>
  );
}
