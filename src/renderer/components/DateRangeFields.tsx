import { DateField } from './DateField';

/** 起/止 as two yyyy-mm-dd fields; `testIdPrefix` gives `<prefix>-from` and `<prefix>-to`. */
export function DateRangeFields({
  from,
  to,
  onChange,
  testIdPrefix,
  className,
  labels = ['起', '止'],
  size,
  disabled,
}: {
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
  testIdPrefix: string;
  className?: string;
  labels?: readonly [string, string];
  size?: 'large' | 'middle';
  disabled?: boolean;
}) {
  const shared = { className, size, disabled };
  return (
    <>
      <DateField
        {...shared}
        prefix={labels[0]}
        testId={`${testIdPrefix}-from`}
        value={from}
        onChange={(v) => onChange(v, to)}
      />
      <DateField
        {...shared}
        prefix={labels[1]}
        testId={`${testIdPrefix}-to`}
        value={to}
        onChange={(v) => onChange(from, v)}
      />
    </>
  );
}
