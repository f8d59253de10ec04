// 自动化: tabs driven by nested routes under /automation/* (rules, playbooks, outbox, moderation, faq), each tab lazy.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Spin, Tabs } from 'antd';
import { useI18n } from '../../i18n';
import './messages';

const RulesTab = lazy(() => import('./RulesTab'));
const PlaybooksTab = lazy(() => import('./PlaybooksTab'));
const OutboxTab = lazy(() => import('./OutboxTab'));
const ModerationTab = lazy(() => import('./ModerationTab'));
const FaqTab = lazy(() => import('./FaqTab'));

const TABS = [
  { key: 'rules', element: <RulesTab /> },
  { key: 'playbooks', element: <PlaybooksTab /> },
  { key: 'outbox', element: <OutboxTab /> },
  { key: 'moderation', element: <ModerationTab /> },
  { key: 'faq', element: <FaqTab /> },
];

export default function AutomationPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.find((tab) => pathname.split('/').includes(tab.key))?.key ?? 'rules';
  return (
    <div data-testid="automation-page">
      <Tabs
        activeKey={active}
        onChange={(k) => navigate(`/automation/${k}`)}
        items={TABS.map((tab) => ({ key: tab.key, label: <span data-testid={`automation-tab-${tab.key}`}>{t(`auto.tab.${tab.key}`)}</span> }))}
      />
      <Suspense
        fallback={
          <div style={{ padding: 48, textAlign: 'center' }}>
            <Spin />
          </div>
        }
      >
        <Routes>
          <Route index element={<Navigate to="/automation/rules" replace />} />
          {TABS.map((tab) => (
            <Route key={tab.key} path={tab.key} element={tab.element} />
          ))}
          <Route path="*" element={<Navigate to="/automation/rules" replace />} />
        </Routes>
      </Suspense>
    </div>
  );
}
