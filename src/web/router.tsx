import { type ComponentType, lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { RequireSession } from './features/auth/require-session.tsx';
import { AppShell } from './features/shell/app-shell.tsx';
import { OrgLayout, RequireOrgAdmin } from './routes/org-layout.tsx';
import { PageLoading } from './ui/loading.tsx';

/**
 * Each page is its own chunk, fetched when first visited (issue #12: initial
 * JS under 100 KB gzipped); the shell and the session guard come with the
 * entry, and the shell keeps showing while a page's chunk arrives.
 */
const page = (load: () => Promise<ComponentType>) => lazy(async () => ({ default: await load() }));

const SignInPage = page(async () => (await import('./routes/sign-in-page.tsx')).SignInPage);
const SignUpPage = page(async () => (await import('./routes/sign-up-page.tsx')).SignUpPage);
const ForgotPasswordPage = page(
  async () => (await import('./routes/forgot-password-page.tsx')).ForgotPasswordPage,
);
const ResetPasswordPage = page(
  async () => (await import('./routes/reset-password-page.tsx')).ResetPasswordPage,
);
const InvitationPage = page(
  async () => (await import('./routes/invitation-page.tsx')).InvitationPage,
);
const UnsubscribePage = page(
  async () => (await import('./routes/unsubscribe-page.tsx')).UnsubscribePage,
);
const ConfirmSignUpPage = page(
  async () => (await import('./routes/confirm-sign-up-page.tsx')).ConfirmSignUpPage,
);
const ConfirmEmailPage = page(
  async () => (await import('./routes/confirm-email-page.tsx')).ConfirmEmailPage,
);
const HomePage = page(async () => (await import('./routes/home-page.tsx')).HomePage);
const MyProfilePage = page(
  async () => (await import('./routes/my-profile-page.tsx')).MyProfilePage,
);
const AccountPage = page(async () => (await import('./routes/account-page.tsx')).AccountPage);
const OrgHomePage = page(async () => (await import('./routes/org-home-page.tsx')).OrgHomePage);
const MessagesPage = page(async () => (await import('./routes/messages-page.tsx')).MessagesPage);
const ConnectionsPage = page(
  async () => (await import('./routes/connections-page.tsx')).ConnectionsPage,
);
const MatchesPage = page(async () => (await import('./routes/matches-page.tsx')).MatchesPage);
const RequestsPage = page(async () => (await import('./routes/requests-page.tsx')).RequestsPage);
const SessionsPage = page(async () => (await import('./routes/sessions-page.tsx')).SessionsPage);
const SchedulePage = page(async () => (await import('./routes/schedule-page.tsx')).SchedulePage);
const PeoplePage = page(async () => (await import('./routes/people-page.tsx')).PeoplePage);
const PersonPage = page(async () => (await import('./routes/person-page.tsx')).PersonPage);
const AdminLayout = page(async () => (await import('./routes/admin/admin-layout.tsx')).AdminLayout);
const AdminMembersPage = page(
  async () => (await import('./routes/admin/admin-members-page.tsx')).AdminMembersPage,
);
const AdminImportPage = page(
  async () => (await import('./routes/admin/admin-import-page.tsx')).AdminImportPage,
);
const AdminBookingsPage = page(
  async () => (await import('./routes/admin/admin-bookings-page.tsx')).AdminBookingsPage,
);
const AdminReportsPage = page(
  async () => (await import('./routes/admin/admin-reports-page.tsx')).AdminReportsPage,
);
const sectionPages = () => import('./routes/admin/admin-section-pages.tsx');
const AdminProgramsPage = page(async () => (await sectionPages()).AdminProgramsPage);
const AdminGroupsPage = page(async () => (await sectionPages()).AdminGroupsPage);
const AdminSessionsPage = page(async () => (await sectionPages()).AdminSessionsPage);
const AdminInvitationsPage = page(async () => (await sectionPages()).AdminInvitationsPage);
const AdminVideoPage = page(async () => (await sectionPages()).AdminVideoPage);
const AdminSignInPage = page(async () => (await sectionPages()).AdminSignInPage);
const AdminMailboxPage = page(async () => (await sectionPages()).AdminMailboxPage);
const AdminAuditPage = page(async () => (await sectionPages()).AdminAuditPage);
const ProgramPage = page(async () => (await import('./routes/program-page.tsx')).ProgramPage);
const GroupPage = page(async () => (await import('./routes/group-page.tsx')).GroupPage);
const NotFoundPage = page(async () => (await import('./routes/not-found-page.tsx')).NotFoundPage);

/** Every page of the web app by its address. */
export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password/:token" element={<ResetPasswordPage />} />
        <Route path="/invite/:token" element={<InvitationPage />} />
        <Route path="/unsubscribe/:token" element={<UnsubscribePage />} />
        <Route path="/confirm-sign-up/:token" element={<ConfirmSignUpPage />} />
        <Route path="/confirm-email/:token" element={<ConfirmEmailPage />} />
        <Route element={<RequireSession />}>
          <Route element={<AppShell />}>
            <Route index element={<HomePage />} />
            <Route path="me" element={<MyProfilePage />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="o/:orgId" element={<OrgLayout />}>
              <Route index element={<Navigate to="home" replace />} />
              <Route path="home" element={<OrgHomePage />} />
              <Route path="messages" element={<MessagesPage />} />
              <Route path="messages/:threadId" element={<MessagesPage />} />
              <Route path="connections" element={<ConnectionsPage />} />
              <Route path="matches" element={<MatchesPage />} />
              <Route path="requests" element={<RequestsPage />} />
              <Route path="sessions" element={<SessionsPage />} />
              <Route path="schedule" element={<SchedulePage />} />
              <Route path="people" element={<PeoplePage />} />
              <Route path="people/:userId" element={<PersonPage />} />
              <Route path="admin" element={<RequireOrgAdmin />}>
                <Route element={<AdminLayout />}>
                  <Route index element={<Navigate to="reports" replace />} />
                  <Route path="members" element={<AdminMembersPage />} />
                  <Route path="import" element={<AdminImportPage />} />
                  <Route path="reports" element={<AdminReportsPage />} />
                  <Route path="programs" element={<AdminProgramsPage />} />
                  <Route path="groups" element={<AdminGroupsPage />} />
                  <Route path="sessions" element={<AdminSessionsPage />} />
                  <Route path="bookings" element={<AdminBookingsPage />} />
                  <Route path="invitations" element={<AdminInvitationsPage />} />
                  <Route path="video" element={<AdminVideoPage />} />
                  <Route path="sign-in" element={<AdminSignInPage />} />
                  <Route path="mailbox" element={<AdminMailboxPage />} />
                  <Route path="audit" element={<AdminAuditPage />} />
                </Route>
                <Route path="programs/:programId" element={<ProgramPage />} />
                <Route path="groups/:groupId" element={<GroupPage />} />
              </Route>
            </Route>
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
