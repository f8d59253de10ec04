// The last four weeks of a community as tiny paired bars: joiners (up, green) and leavers (down, red).
import { Tooltip } from 'antd';
import { useI18n } from '../../i18n';
import { useTime } from '../../components/useTime';
import type { HealthWeek } from './types';

export function WeeksBars({ weeks }: { weeks: HealthWeek[] }) {
  const { t } = useI18n();
  const time = useTime();
  const max = Math.max(1, ...weeks.flatMap((w) => [w.joiners, w.churned]));
  return (
    <Tooltip
      title={
        <div>
          {weeks.map((w) => (
            <div key={w.from}>{t('cm.weekJoinLeave', { from: time.monthDay(w.from), j: w.joiners, c: w.churned })}</div>
          ))}
        </div>
      }
    >
      <div className="qy-weeks" data-testid="weeks-bars">
        {weeks.map((w) => (
          <div key={w.from} className="qy-week">
            <div className="qy-week-up">
              <span style={{ height: `${(w.joiners / max) * 100}%` }} />
            </div>
            <div className="qy-week-down">
              <span style={{ height: `${(w.churned / max) * 100}%` }} />
            </div>
          </div>
        ))}
        <span className="qy-weeks-net qy-num">{netText(weeks)}</span>
      </div>
    </Tooltip>
  );
}

function netText(weeks: HealthWeek[]): string {
  const n = weeks.reduce((s, w) => s + w.joiners - w.churned, 0);
  return n > 0 ? `+${n}` : String(n);
}
