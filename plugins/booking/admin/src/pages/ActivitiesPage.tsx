import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import ActivityDetail from '../components/activities/ActivityDetail';
import ActivityList from '../components/activities/ActivityList';
import { PAGE_PERMISSIONS } from '../permissions';

/**
 * The activities desk: pick a course or event (searchable, upcoming first), then enrol people,
 * cancel on their behalf, see the waiting list and places, and cancel or move its sessions.
 * `?session=<id>` (the day board's links) opens the activity of that session.
 */
const ActivitiesPage = () => (
  <Routes>
    <Route index element={<ActivityList />} />
    <Route path=":kind/:documentId" element={<ActivityDetail />} />
  </Routes>
);

const ProtectedActivitiesPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.activities}>
    <ActivitiesPage />
  </Page.Protect>
);

export default ProtectedActivitiesPage;
