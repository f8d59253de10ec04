// A figure from the API, shown formatted. For tests: data-testid="metric-<name>" and data-value = the raw API
// value (String(value); "null" when the API said null), so a test compares data-value, not the formatted text.
import type { ReactNode } from 'react';

export function Metric({
  name,
  value,
  children,
  className,
}: {
  name: string;
  value: number | null | undefined;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span className={className ?? 'qy-stat-value'} data-testid={`metric-${name}`} data-value={value === undefined ? '' : String(value)}>
      {children}
    </span>
  );
}
