// 概览: the data-management dashboard of seed 001 for a period and a community —
// GET /api/v1/metrics?from&to&community (the figures) and the same with by=day|week|month (the trend lines).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Col, Row, Spin, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { apiUrl } from '../../api';
import { useSearchParams } from 'react-router-dom';
import { useI18n } from '../../i18n';
import { lastSignInAt, useAuth } from '../../auth';
import { useApi } from '../../components/useApi';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/PageSkeleton';
import { communityRef } from '../../components/useCommunityList';
import { knownTimezone, rememberTimezone, useWorkspaceInfo } from '../../components/useWorkspaceInfo';
import { timeFormat } from '../../time';
import { autoGranularity, lastDay, periodDays, presetPeriod, seriesLabel, todayIn, type Preset } from './period';
import { GrainSwitch, OverviewToolbar, type ToolbarState } from './OverviewToolbar';
import { GroupCards, RateCards } from './FigureCards';
import { AcquisitionCard } from './AcquisitionCard';
import { ConversionCard } from './ConversionCard';
import { ContentCard } from './ContentCard';
import { TopicCloud } from './TopicCloud';
import { ProductMentionsCard } from './ProductMentionsCard';
import { figuresOf, seriesOf, type MetricsQuery } from './types';
import './messages';

declare global {
  interface Window {
    __qunyunOverviewMs?: number;
  }
}

// Load time of the overview: from navigation start when it is the page the document opened on (already signed in);
// from signing in when that came first; from entering the page on a later visit within the app.
let firstVisit = true;
const DEFAULT_PRESET: Preset = 'last30';

export default function OverviewPage() {
  const { t, lang } = useI18n();
  const info = useWorkspaceInfo();
  const [tz, setTz] = useState(knownTimezone);
  const today = todayIn(tz);
  const [params] = useSearchParams();
  const { user } = useAuth();
  const [state, setState] = useState<ToolbarState>(() => {
    // Deep links: ?community=<id>, and ?from=YYYY-MM-DD&to=YYYY-MM-DD (to exclusive) for a custom period.
    // An operator reads one of their communities at a time (docs/privacy.md): the first one by default.
    const community = Number(params.get('community')) || (user.role === 'operator' ? (user.communities[0] ?? null) : null);
    const from = params.get('from') ?? '',
      to = params.get('to') ?? '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from < to) {
      const custom = { from, to };
      return { preset: 'custom', period: custom, community, by: autoGranularity(custom) };
    }
    const period = presetPeriod(DEFAULT_PRESET, todayIn(knownTimezone()));
    return { preset: DEFAULT_PRESET, period, community, by: autoGranularity(period) };
  });
  const period = state.preset === 'custom' ? state.period : presetPeriod(state.preset, today);
  const query: MetricsQuery = { from: period.from, to: period.to, community: state.community === null ? undefined : communityRef(state.community) };
  const figures = useApi('/api/v1/metrics', { query });
  const series = useApi('/api/v1/metrics', { query: { ...query, by: state.by } });
  const m = figuresOf(figures.data);
  const list = seriesOf(series.data);

  // The workspace zone decides what "today" is; the answer names it.
  const zone = m?.timezone ?? info?.timezone;
  useEffect(() => {
    if (zone && zone !== tz) {
      rememberTimezone(zone);
      setTz(zone);
    }
  }, [zone, tz]);

  const startRef = useRef(firstVisit ? (lastSignInAt() ?? 0) : performance.now());
  const measured = useRef(false);
  const ready = m !== undefined && list !== undefined;
  useEffect(() => {
    if (!ready || measured.current) return;
    measured.current = true;
    firstVisit = false;
    requestAnimationFrame(() => {
      window.__qunyunOverviewMs = Math.round(performance.now() - startRef.current);
      document.documentElement.dataset.overviewMs = String(window.__qunyunOverviewMs);
    });
  }, [ready]);

  const change = (s: Partial<ToolbarState>) =>
    setState((old) => {
      const next = { ...old, ...s };
      if (s.preset !== undefined && s.preset !== 'custom') next.period = presetPeriod(s.preset, today);
      if (s.period !== undefined || s.preset !== undefined) next.by = autoGranularity(next.period);
      return next;
    });

  const labels = useMemo(() => {
    const time = timeFormat(zone ?? tz, lang);
    return (list ?? []).map((p) => seriesLabel(p.from, state.by, time));
  }, [list, state.by, zone, tz, lang]);
  const shownTo = lastDay(period.to);

  return (
    <div data-testid="overview-page">
      <PageHeader
        title={t('ov.title')}
        subtitle={t('ov.subtitle', { from: period.from, to: shownTo, tz: zone ?? tz })}
        tags={figures.loading || series.loading ? <Spin size="small" /> : state.community !== null && m?.community ? <Tag>{m.community}</Tag> : null}
        extra={
          // The figures shown, one row per trend period, as a spreadsheet (GET /api/v1/export/metrics).
          <Button
            icon={<DownloadOutlined />}
            href={apiUrl('/api/v1/export/metrics', { query: { ...query, by: state.by, format: 'xlsx' } })}
            data-testid="overview-export"
          >
            {t('ov.export')}
          </Button>
        }
      />
      <div className="qy-toolbar-row">
        <OverviewToolbar state={{ ...state, period }} onChange={change} today={today} />
      </div>
      <ErrorAlert
        error={figures.error ?? series.error}
        onRetry={() => {
          figures.reload();
          series.reload();
        }}
      />
      {!m ? (
        figures.error ? null : (
          <PageSkeleton cards={8} />
        )
      ) : (
        <div
          className={figures.loading ? 'qy-reloading' : undefined}
          data-testid="overview-figures"
          data-loaded={ready && !figures.loading && !series.loading ? 'true' : 'false'}
        >
          <GroupCards
            m={m}
            series={list}
            labels={labels}
            dormantDays={info?.dormantDays ?? 30}
            newDays={info?.newCustomerDays ?? 30}
            extra={<GrainSwitch value={state.by} onChange={(by) => change({ by })} days={periodDays(period)} />}
          />
          <RateCards m={m} series={list} labels={labels} />
          <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
            <Col xs={24} xl={14}>
              <AcquisitionCard m={m} info={info} />
            </Col>
            <Col xs={24} xl={10}>
              <ConversionCard m={m} info={info} />
            </Col>
            <Col xs={24} xl={14}>
              <ContentCard m={m} series={list} labels={labels} />
            </Col>
            <Col xs={24} xl={10}>
              <TopicCloud topics={m.content.topics} />
            </Col>
            <Col xs={24}>
              <ProductMentionsCard query={query} />
            </Col>
          </Row>
        </div>
      )}
    </div>
  );
}
