import { createBrowserRouter, Navigate } from 'react-router';
import { RequireSession } from './features/auth/require-session.tsx';
import { AppShell } from './features/shell/app-shell.tsx';
import { AccountPage } from './routes/account-page.tsx';
import { AdminPage } from './routes/admin-page.tsx';
import { ConfirmEmailPage } from './routes/confirm-email-page.tsx';
import { ConfirmSignUpPage } from './routes/confirm-sign-up-page.tsx';
import { ConnectionsPage } from './routes/connections-page.tsx';
import { ForgotPasswordPage } from './routes/forgot-password-page.tsx';
import { GroupPage } from './routes/group-page.tsx';
import { HomePage } from './routes/home-page.tsx';
import { InvitationPage } from './routes/invitation-page.tsx';
import { MatchesPage } from './routes/matches-page.tsx';
import { MessagesPage } from './routes/messages-page.tsx';
import { MyProfilePage } from './routes/my-profile-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { OrgHomePage } from './routes/org-home-page.tsx';
import { OrgLayout, RequireOrgAdmin } from './routes/org-layout.tsx';
import { PeoplePage } from './routes/people-page.tsx';
import { PersonPage } from './routes/person-page.tsx';
import { ProgramPage } from './routes/program-page.tsx';
import { RequestsPage } from './routes/requests-page.tsx';
import { ResetPasswordPage } from './routes/reset-password-page.tsx';
import { SchedulePage } from './routes/schedule-page.tsx';
import { SessionsPage } from './routes/sessions-page.tsx';
import { SignInPage } from './routes/sign-in-page.tsx';
import { SignUpPage } from './routes/sign-up-page.tsx';
import { UnsubscribePage } from './routes/unsubscribe-page.tsx';

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-up', element: <SignUpPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password/:token', element: <ResetPasswordPage /> },
  { path: '/invite/:token', element: <InvitationPage /> },
  { path: '/unsubscribe/:token', element: <UnsubscribePage /> },
  { path: '/confirm-sign-up/:token', element: <ConfirmSignUpPage /> },
  { path: '/confirm-email/:token', element: <ConfirmEmailPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppShell />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'me', element: <MyProfilePage /> },
          { path: 'account', element: <AccountPage /> },
          {
            path: 'o/:orgId',
            element: <OrgLayout />,
            children: [
              { index: true, element: <Navigate to="home" replace /> },
              { path: 'home', element: <OrgHomePage /> },
              { path: 'messages', element: <MessagesPage /> },
              { path: 'messages/:threadId', element: <MessagesPage /> },
              { path: 'connections', element: <ConnectionsPage /> },
              { path: 'matches', element: <MatchesPage /> },
              { path: 'requests', element: <RequestsPage /> },
              { path: 'sessions', element: <SessionsPage /> },
              { path: 'schedule', element: <SchedulePage /> },
              { path: 'people', element: <PeoplePage /> },
              { path: 'people/:userId', element: <PersonPage /> },
              {
                path: 'admin',
                element: <RequireOrgAdmin />,
                children: [
                  { index: true, element: <AdminPage /> },
                  { path: 'programs/:programId', element: <ProgramPage /> },
                  { path: 'groups/:groupId', element: <GroupPage /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
]);
