// The overview's controls: a preset period, a custom range, the community, and the trend grain.
import { DatePicker, Segmented, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../i18n';
import { useAuth } from '../../auth';
import { communityLabel, useCommunityList } from '../../components/useCommunityList';
import { fromPicker, pickerRange, PRESETS, type Period, type Preset } from './period';
import type { Granularity } from './types';

export interface ToolbarState {
  preset: Preset | 'custom';
  period: Period;
  community: number | null;
  by: Granularity;
}

/** The grain of the trend lines (days are offered up to about half a year). */
export function GrainSwitch({ value, onChange, days }: { value: Granularity; onChange: (g: Granularity) => void; days: number }) {
  const { t } = useI18n();
  return (
    <span className="qy-grain">
      <span className="qy-muted">{t('ov.trendBy')}</span>
      <Segmented<Granularity>
        size="small"
        value={value}
        onChange={onChange}
        data-testid="trend-grain"
        options={(['day', 'week', 'month'] as const).map((g) => ({ value: g, label: t(`ov.by.${g}`), disabled: g === 'day' && days > 185 }))}
      />
    </span>
  );
}

export function OverviewToolbar({ state, onChange, today }: { state: ToolbarState; onChange: (s: Partial<ToolbarState>) => void; today: string }) {
  const { t } = useI18n();
  const { items } = useCommunityList();
  const operator = useAuth().user.role === 'operator';
  return (
    <div className="qy-toolbar" data-testid="overview-toolbar">
      <Segmented<Preset | 'custom'>
        size="middle"
        value={state.preset}
        data-testid="period-preset"
        options={[
          ...PRESETS.map((p) => ({ value: p, label: t(`ov.preset.${p}`) })),
          { value: 'custom', label: t('ov.preset.custom'), disabled: true },
        ]}
        onChange={(v) => {
          if (v !== 'custom') onChange({ preset: v });
        }}
      />
      <DatePicker.RangePicker
        allowClear={false}
        value={pickerRange(state.period)}
        data-testid="period-range"
        disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > today}
        onChange={(v) => {
          if (v && v[0] && v[1]) onChange({ preset: 'custom', period: fromPicker(v[0], v[1]) });
        }}
      />
      <Select<number | 'all'>
        style={{ minWidth: 200 }}
        value={state.community ?? 'all'}
        data-testid="community-filter"
        loading={!items}
        showSearch={{ optionFilterProp: 'label' }}
        onChange={(v) => onChange({ community: v === 'all' ? null : v })}
        // An operator has no workspace-wide figures: only their communities (the list they get) are offered.
        options={[
          ...(operator ? [] : [{ value: 'all' as const, label: t('ov.allCommunities') }]),
          ...(items ?? []).map((c) => ({ value: c.id, label: communityLabel(c) })),
        ]}
      />
    </div>
  );
}
