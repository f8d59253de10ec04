// 设置: tabs driven by nested routes under /settings/* (workspace, products, channels, users, tokens, audit), each tab lazy.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { Spin, Tabs } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useAuth } from '../../auth';
import { useI18n } from '../../i18n';
import './messages';

const WorkspaceTab = lazy(() => import('./WorkspaceTab'));
const ProductsTab = lazy(() => import('./ProductsTab'));
const ChannelsTab = lazy(() => import('./ChannelsTab'));
const UsersTab = lazy(() => import('./UsersTab'));
const TokensTab = lazy(() => import('./TokensTab'));
const AuditTab = lazy(() => import('./AuditTab'));

const TABS = [
  { key: 'workspace', element: <WorkspaceTab />, owner: false },
  { key: 'products', element: <ProductsTab />, owner: false },
  { key: 'channels', element: <ChannelsTab />, owner: false },
  { key: 'users', element: <UsersTab />, owner: true },
  { key: 'tokens', element: <TokensTab />, owner: true },
  { key: 'audit', element: <AuditTab />, owner: true },
];

export default function SettingsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = TABS.find((tab) => pathname.split('/').includes(tab.key))?.key ?? 'workspace';
  return (
    <div data-testid="settings-page">
      <Tabs
        activeKey={active}
        onChange={(k) => navigate(`/settings/${k}`)}
        items={TABS.map((tab) => ({
          key: tab.key,
          label: (
            <span data-testid={`settings-tab-${tab.key}`}>
              {t(`set.tab.${tab.key}`)}
              {tab.owner && !can('owner') && <LockOutlined style={{ marginInlineStart: 4, color: '#bfbfbf' }} />}
            </span>
          ),
        }))}
      />
      <Suspense
        fallback={
          <div style={{ padding: 48, textAlign: 'center' }}>
            <Spin />
          </div>
        }
      >
        <Routes>
          <Route index element={<Navigate to="/settings/workspace" replace />} />
          {TABS.map((tab) => (
            <Route key={tab.key} path={tab.key} element={tab.element} />
          ))}
          <Route path="*" element={<Navigate to="/settings/workspace" replace />} />
        </Routes>
      </Suspense>
    </div>
  );
}
