import { Input } from 'antd';
import type { ReactNode } from 'react';
import { dateTyping, isCalendarDate } from '../../domain/date-text';

/**
 * One date field, yyyy-mm-dd whatever the OS locale, one Tab stop (a native date input moves
 * Tab between its day, month and year parts, so the next value lands a field early).
 */
export function DateField({
  value,
  onChange,
  prefix,
  testId,
  className,
  size,
  disabled,
  ariaLabel,
  onPressEnter,
}: {
  value: string;
  onChange: (value: string) => void;
  prefix?: ReactNode;
  testId?: string;
  className?: string;
  size?: 'large' | 'middle';
  disabled?: boolean;
  ariaLabel?: string;
  onPressEnter?: () => void;
}) {
  const wrong = value.length >= 10 && !isCalendarDate(value);
  return (
    <Input
      data-testid={testId}
      aria-label={ariaLabel}
      prefix={prefix}
      size={size}
      disabled={disabled}
      inputMode="numeric"
      placeholder="yyyy-mm-dd"
      maxLength={10}
      autoComplete="off"
      status={wrong ? 'error' : undefined}
      title={wrong ? '不是有效日期，格式 yyyy-mm-dd' : undefined}
      className={`date-field mono ${className ?? ''}`}
      value={value}
      onChange={(e) => onChange(dateTyping(e.target.value))}
      onPressEnter={onPressEnter}
    />
  );
}
