import { Modal } from 'antd';
import { SCANNER_HELP } from '../keyboard/function-keys';
import { useUiStore } from '../stores/ui-store';
import { HELP_ROWS } from './registry';

const SCREEN_LABELS = {
  counter: '柜台',
  prescription: '处方页',
  dispense: '调剂页',
  sale: '自费零售页',
} as const;

export function HelpOverlay() {
  const open = useUiStore((s) => s.overlay === 'help');
  return (
    <Modal
      open={open}
      onCancel={() => useUiStore.getState().setOverlay(null)}
      footer={null}
      title="功能键帮助（F1）"
      width={720}
    >
      <div data-testid="help-overlay" className="help-overlay">
        <table className="help-table">
          <tbody>
            {HELP_ROWS.map((k) => (
              <tr key={k.id ?? k.key}>
                <td>
                  <kbd>{k.key}</kbd>
                </td>
                <td className="help-label">{k.label}</td>
                <td>{k.help}</td>
                <td className="help-where">
                  {k.screens ? k.screens.map((s) => SCREEN_LABELS[s]).join('、') : '任何页面'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help-scanner">{SCANNER_HELP}</p>
      </div>
    </Modal>
  );
}
