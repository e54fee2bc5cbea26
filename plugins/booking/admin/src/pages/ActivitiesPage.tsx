import { Layouts, Page } from '@strapi/strapi/admin';
import { PAGE_PERMISSIONS } from '../permissions';
import { useT } from '../utils/use-t';

const ActivitiesPage = () => {
  const { t } = useT();
  return (
    <Page.Main>
      <Page.Title>{t('activities.title', 'Activities desk')}</Page.Title>
      <Layouts.Header title={t('activities.title', 'Activities desk')} subtitle={t('activities.subtitle', "Enrol at the desk, waiting lists, cancel or move a session.")} />
      <Layouts.Content>{null}</Layouts.Content>
    </Page.Main>
  );
};

const ProtectedActivitiesPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.activities}>
    <ActivitiesPage />
  </Page.Protect>
);

export default ProtectedActivitiesPage;
