import { Modal } from 'antd';
import { FUNCTION_KEYS, SCANNER_HELP } from '../keyboard/function-keys';
import { useUiStore } from '../stores/ui-store';

export function HelpOverlay() {
  const open = useUiStore((s) => s.helpOpen);
  const setOpen = useUiStore((s) => s.setHelpOpen);
  return (
    <Modal
      open={open}
      onCancel={() => setOpen(false)}
      footer={null}
      title="功能键帮助（F1）"
      width={640}
    >
      <div data-testid="help-overlay" className="help-overlay">
        <table className="help-table">
          <tbody>
            {FUNCTION_KEYS.map((k) => (
              <tr key={k.key}>
                <td>
                  <kbd>{k.key}</kbd>
                </td>
                <td className="help-label">{k.label}</td>
                <td>{k.help}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="help-scanner">{SCANNER_HELP}</p>
      </div>
    </Modal>
  );
}
