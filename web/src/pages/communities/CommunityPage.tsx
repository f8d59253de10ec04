// One community (/communities/:ref): facts and health, members, roles, blueprint (view/edit), the rules and
// playbooks that apply to it, and the elimination preview.
import { Result, Tabs } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/PageSkeleton';
import { MemberTable } from '../../components/MemberTable';
import { communityRef } from '../../components/useCommunityList';
import { HealthTag, PlatformTag } from './HealthTag';
import { CommunityFacts } from './CommunityFacts';
import { RolesPanel } from './RolesPanel';
import { BlueprintPanel } from './BlueprintPanel';
import { AutomationPanel } from './AutomationPanel';
import { EliminationPanel } from './EliminationPanel';
import { useCommunity } from './useCommunity';
import './messages';

const TABS = ['overview', 'members', 'roles', 'blueprint', 'automation', 'elimination'] as const;

export default function CommunityPage() {
  const { ref = '' } = useParams();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const { community: c, health, error, loading, reload, setBlueprint } = useCommunity(ref);
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'overview';

  if (!c) {
    return (
      <div data-testid="community-page">
        <PageHeader title={t('cm.title')} back="/communities" />
        {error instanceof ApiError && error.status === 404 ? (
          <Result status="404" title={t('cm.notFound')} subTitle={error.message} extra={<Link to="/communities">{t('common.back')}</Link>} />
        ) : error ? (
          <ErrorAlert error={error} onRetry={reload} />
        ) : loading ? (
          <PageSkeleton />
        ) : null}
      </div>
    );
  }
  const cref = communityRef(c.id);
  return (
    <div data-testid="community-page">
      <PageHeader
        back="/communities"
        title={<span data-testid="community-name">{c.name ?? c.external_id}</span>}
        tags={
          <>
            <PlatformTag platform={c.platform} />
            {health ? <HealthTag verdict={health.verdict} /> : null}
          </>
        }
        subtitle={`${c.platform}:${c.external_id} · #${c.id}`}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'overview' ? {} : { tab: k }, { replace: true })}
        items={[
          { key: 'overview', label: t('cm.tab.overview'), children: <CommunityFacts c={c} health={health} /> },
          {
            key: 'members',
            label: t('cm.tab.members'),
            children: <MemberTable fixed={{ community: cref, present: 'true' }} testId="community-members-table" />,
          },
          { key: 'roles', label: t('cm.tab.roles'), children: <RolesPanel communityRef={cref} /> },
          { key: 'blueprint', label: t('cm.tab.blueprint'), children: <BlueprintPanel c={c} onSaved={setBlueprint} /> },
          { key: 'automation', label: t('cm.tab.automation'), children: <AutomationPanel c={c} /> },
          {
            key: 'elimination',
            label: t('cm.tab.elimination'),
            children: <EliminationPanel communityId={c.id} communityRef={cref} hasRule={Boolean(c.blueprint?.elimination)} />,
          },
        ]}
      />
    </div>
  );
}
