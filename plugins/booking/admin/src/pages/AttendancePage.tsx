import { Layouts, Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { AttendanceDesk } from '../components/attendance/AttendanceDesk';
import { SignInSheet } from '../components/attendance/SignInSheet';
import { PAGE_PERMISSIONS } from '../permissions';
import { useT } from '../utils/use-t';

const AttendancePage = () => {
  const { t } = useT();
  return (
    <Page.Main>
      <Page.Title>{t('attendance.title', 'Attendance')}</Page.Title>
      <Layouts.Header title={t('attendance.title', 'Attendance')} subtitle={t('attendance.subtitle', "Today's sessions: mark who came, walk-ins, sign-in sheets.")} />
      <Layouts.Content>
        <AttendanceDesk />
      </Layouts.Content>
    </Page.Main>
  );
};

/** The desk, and (opened in a new tab) one session's sign-in sheet to print, alone on the page. */
const ProtectedAttendancePage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.attendance}>
    <Routes>
      <Route path="sheet/:sessionId" element={<SignInSheet />} />
      <Route path="*" element={<AttendancePage />} />
    </Routes>
  </Page.Protect>
);

export default ProtectedAttendancePage;
