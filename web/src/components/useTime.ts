// Times in the workspace's zone for the pages: time.ts's formatting with the zone from the shared workspace
// answer (the one last seen until it arrives) and the console's language.
import { useMemo } from 'react';
import { useI18n } from '../i18n';
import { timeFormat, type TimeFormat } from '../time';
import { knownTimezone, loadWorkspaceInfo, useWorkspaceInfo } from './useWorkspaceInfo';

export type { TimeFormat };

export function useTime(): TimeFormat {
  const zone = useWorkspaceInfo()?.timezone ?? knownTimezone();
  const { lang } = useI18n();
  return useMemo(() => timeFormat(zone, lang), [zone, lang]);
}

/** After the workspace settings change: read them again, so every page shows times in the new zone. */
export function forgetWorkspaceZone(): void {
  void loadWorkspaceInfo(true);
}
