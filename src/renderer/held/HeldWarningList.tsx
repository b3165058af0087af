import type { HeldDispensingView } from '../../contract/types-dispense';
import { maskName } from '../../domain/mask';
import { rxnoTail } from '../../domain/rx-number-tail';
import { heldWarning } from './held-warning';

/** Leaving with held dispensings: the warning, then each one by number tail, masked patient, time. */
export function HeldWarningList({
  items,
  testId,
}: {
  items: readonly HeldDispensingView[];
  testId: string;
}) {
  const warning = heldWarning(items.length);
  if (!warning) return null;
  return (
    <div className="logout-held-warning" data-testid={testId} role="alert">
      <p>{warning}</p>
      <ul className="held-warning-list">
        {items.map((h) => (
          <li key={h.dispensingId} data-testid={`${testId}-item`}>
            尾号 {rxnoTail(h.rxno)} · {maskName(h.patient.name)} · {h.completedAt} · {h.drugs}
          </li>
        ))}
      </ul>
    </div>
  );
}
