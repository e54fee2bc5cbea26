import { Layouts, Page } from '@strapi/strapi/admin';
import { PAGE_PERMISSIONS } from '../permissions';
import { useT } from '../utils/use-t';

const BoardPage = () => {
  const { t } = useT();
  return (
    <Page.Main>
      <Page.Title>{t('board.title', 'Day board')}</Page.Title>
      <Layouts.Header title={t('board.title', 'Day board')} subtitle={t('board.subtitle', "Every room against time, for a day or a week.")} />
      <Layouts.Content>{null}</Layouts.Content>
    </Page.Main>
  );
};

const ProtectedBoardPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.board}>
    <BoardPage />
  </Page.Protect>
);

export default ProtectedBoardPage;
