// An instant on a page: the workspace zone's wall-clock time with its offset ("2026-12-03 19:30 (UTC+8)", the
// offset quieter), and the long form in the console's language, with the zone's name, on hover.
import { useTime } from './useTime';
import type { Instant } from '../time';

export function Time({ value, seconds, testId }: { value: Instant; seconds?: boolean; testId?: string }) {
  const f = useTime();
  const text = f.instant(value, { seconds });
  const empty = value === null || value === undefined || value === '';
  const cut = text.lastIndexOf(' (');
  return (
    <span className="qy-num qy-time" title={empty ? undefined : f.long(value)} data-testid={testId}>
      {cut > 0 ? (
        <>
          {text.slice(0, cut)} <span className="qy-tz">{text.slice(cut + 1)}</span>
        </>
      ) : (
        text
      )}
    </span>
  );
}
