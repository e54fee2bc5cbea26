import { Layouts, Page } from '@strapi/strapi/admin';
import { PAGE_PERMISSIONS } from '../permissions';
import { useT } from '../utils/use-t';

const ClosuresPage = () => {
  const { t } = useT();
  return (
    <Page.Main>
      <Page.Title>{t('closures.title', 'Closures')}</Page.Title>
      <Layouts.Header title={t('closures.title', 'Closures')} subtitle={t('closures.subtitle', "Close rooms for a holiday or repairs, and tell everyone affected.")} />
      <Layouts.Content>{null}</Layouts.Content>
    </Page.Main>
  );
};

const ProtectedClosuresPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.closures}>
    <ClosuresPage />
  </Page.Protect>
);

export default ProtectedClosuresPage;
