// The console frame: a side menu of the five sections, a header with the workspace, the demo badge, the language
// switch and the signed-in user, and the page in the middle.
import { Suspense, useState } from 'react';
import { Button, Layout, Menu, Tag, Tooltip, Typography } from 'antd';
import {
  DashboardOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  RobotOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { useI18n } from '../i18n';
import { LangSwitch } from '../components/LangSwitch';
import { PageSkeleton } from '../components/PageSkeleton';

const SECTIONS = [
  { key: 'overview', icon: <DashboardOutlined /> },
  { key: 'communities', icon: <TeamOutlined /> },
  { key: 'members', icon: <UserOutlined /> },
  { key: 'automation', icon: <RobotOutlined /> },
  { key: 'settings', icon: <SettingOutlined /> },
] as const;

export function AppLayout() {
  const { t } = useI18n();
  const { user, demo, workspace, logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(() => window.innerWidth < 900);
  const section = location.pathname.split('/')[1] || 'overview';

  return (
    <Layout className="qy-shell">
      <Layout.Sider collapsible collapsed={collapsed} trigger={null} width={208} collapsedWidth={64} className="qy-sider">
        <div className="qy-brand" onClick={() => navigate('/overview')} role="link" tabIndex={0}>
          <span className="qy-logo">群</span>
          {collapsed ? null : (
            <span className="qy-brand-name">
              群运<small>Qunyun</small>
            </span>
          )}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[section]}
          onClick={(e) => navigate(`/${e.key}`)}
          items={SECTIONS.map((s) => ({ key: s.key, icon: s.icon, label: <span data-testid={`nav-${s.key}`}>{t(`nav.${s.key}`)}</span> }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="qy-header">
          <div className="qy-header-left">
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
              aria-label="toggle menu"
            />
            <Typography.Text strong className="qy-workspace" data-testid="workspace-name" ellipsis>
              {workspace || t('app.name')}
            </Typography.Text>
            {demo ? (
              <Tooltip title={t('header.demoHint')}>
                <Tag color="orange" variant="solid" className="qy-demo-badge" data-testid="demo-badge">
                  {t('header.demo')}
                </Tag>
              </Tooltip>
            ) : null}
          </div>
          <div className="qy-header-right">
            <LangSwitch light />
            <span className="qy-user" data-testid="current-user">
              <UserOutlined />
              <span className="qy-user-name">{user.username}</span>
              <Tag variant="filled" color={user.role === 'owner' ? 'gold' : user.role === 'operator' ? 'blue' : 'default'} data-testid="current-role">
                {t(`role.${user.role}`)}
              </Tag>
            </span>
            <Tooltip title={t('header.logout')}>
              <Button type="text" icon={<LogoutOutlined />} onClick={() => void logout()} data-testid="logout">
                <span className="qy-hide-narrow">{t('header.logout')}</span>
              </Button>
            </Tooltip>
          </div>
        </Layout.Header>
        <Layout.Content className="qy-content">
          <Suspense fallback={<PageSkeleton />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
