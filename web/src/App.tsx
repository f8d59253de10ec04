// Routes of the console. Every page is its own lazily loaded chunk; the frame (AppLayout) is shared.
import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './layout/AppLayout';
import { NotFound } from './layout/NotFound';

const OverviewPage = lazy(() => import('./pages/overview/OverviewPage'));
const CommunitiesPage = lazy(() => import('./pages/communities/CommunitiesPage'));
const CommunityPage = lazy(() => import('./pages/communities/CommunityPage'));
const MembersPage = lazy(() => import('./pages/members/MembersPage'));
const MemberPage = lazy(() => import('./pages/members/MemberPage'));
const AutomationPage = lazy(() => import('./pages/automation/AutomationPage'));
const SettingsPage = lazy(() => import('./pages/settings/SettingsPage'));

export default function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Navigate to="/overview" replace />} />
        <Route path="overview" element={<OverviewPage />} />
        <Route path="communities" element={<CommunitiesPage />} />
        <Route path="communities/:ref" element={<CommunityPage />} />
        <Route path="members" element={<MembersPage />} />
        <Route path="members/:id" element={<MemberPage />} />
        <Route path="automation/*" element={<AutomationPage />} />
        <Route path="settings/*" element={<SettingsPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
