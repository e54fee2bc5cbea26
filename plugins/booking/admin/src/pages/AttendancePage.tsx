import { Layouts, Page } from '@strapi/strapi/admin';
import { PAGE_PERMISSIONS } from '../permissions';
import { useT } from '../utils/use-t';

const AttendancePage = () => {
  const { t } = useT();
  return (
    <Page.Main>
      <Page.Title>{t('attendance.title', 'Attendance')}</Page.Title>
      <Layouts.Header title={t('attendance.title', 'Attendance')} subtitle={t('attendance.subtitle', "Today's sessions: mark who came, walk-ins, sign-in sheets.")} />
      <Layouts.Content>{null}</Layouts.Content>
    </Page.Main>
  );
};

const ProtectedAttendancePage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.attendance}>
    <AttendancePage />
  </Page.Protect>
);

export default ProtectedAttendancePage;
