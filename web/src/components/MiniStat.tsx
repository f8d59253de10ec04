// A labelled figure inside a card (smaller than the headline cards).
import type { ReactNode } from 'react';
import { Tooltip } from 'antd';
import { Metric } from './Metric';

export function MiniStat({
  label,
  name,
  value,
  text,
  foot,
  hint,
}: {
  label: ReactNode;
  name?: string;
  value: number | null;
  text: ReactNode;
  foot?: ReactNode;
  hint?: string;
}) {
  const body = name ? (
    <Metric name={name} value={value} className="qy-stat-value small">
      {text}
    </Metric>
  ) : (
    <span className="qy-stat-value small">{text}</span>
  );
  return (
    <div className="qy-mini-stat">
      <div className="qy-stat-label">
        {hint ? (
          <Tooltip title={hint}>
            <span>{label}</span>
          </Tooltip>
        ) : (
          label
        )}
      </div>
      {body}
      {foot ? <div className="qy-stat-foot">{foot}</div> : null}
    </div>
  );
}
