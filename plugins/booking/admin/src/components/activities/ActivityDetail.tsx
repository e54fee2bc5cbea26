import * as React from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { NavLink, useParams, useSearchParams } from 'react-router-dom';
import type { DeskActivityDetail, DeskSession, GetDeskActivity } from '../../../../shared/contracts/activities';
import { PLUGIN_ID } from '../../pluginId';
import { DESK_PATH } from '../../utils/activity-paths';
import { errorMessage } from '../../utils/fetch-error';
import { occurrenceLabel } from '../../utils/occurrence-label';
import { useT } from '../../utils/use-t';
import CancelSessionDialog from './CancelSessionDialog';
import EnrolForm from './EnrolForm';
import EnrolmentList from './EnrolmentList';
import MoveSessionDialog from './MoveSessionDialog';
import SessionsTable from './SessionsTable';

/** One course or event at the desk: its sessions with places, who is enrolled and waiting, enrol and cancel. */
const ActivityDetail = () => {
  const { t, locale } = useT();
  const { get } = useFetchClient();
  const { kind, documentId } = useParams<{ kind: string; documentId: string }>();
  const [params, setParams] = useSearchParams();
  const linked = params.get('session');
  const [detail, setDetail] = React.useState<DeskActivityDetail | null>(null);
  const [failed, setFailed] = React.useState<string | null>(null);
  const [cancelling, setCancelling] = React.useState<DeskSession | null>(null);
  const [moving, setMoving] = React.useState<DeskSession | null>(null);

  const load = React.useCallback(async () => {
    try {
      const { data } = (await get(`/${PLUGIN_ID}/activities/${kind}/${documentId}`)) as { data: GetDeskActivity.Response };
      setDetail(data.data);
      setFailed(null);
    } catch (e: unknown) {
      setFailed(errorMessage(e));
    }
  }, [get, kind, documentId]);

  React.useEffect(() => {
    void load();
  }, [load]);

  if (failed) {
    return (
      <Page.Main>
        <Layouts.Content>
          <Box padding={4} background="danger100" hasRadius marginTop={6}>
            <Typography textColor="danger700" role="alert">{failed}</Typography>
          </Box>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!detail) return <Page.Loading />;

  const { activity } = detail;
  const dropIn = activity.enrolmentMode === 'session';
  // Drop-in: the list and form of one session, the linked one or else the first still open.
  const chosen = dropIn ? (detail.sessions.find((s) => s.id === linked) ?? detail.sessions.find((s) => s.status === 'scheduled') ?? null) : null;
  const list = dropIn ? detail.lists.find((l) => l.session === chosen?.id) : detail.lists[0];
  const subtitle = [
    activity.kind === 'course' ? t('activities.kind.course', 'Course') : t('activities.kind.event', 'Event'),
    activity.room?.name ?? activity.location,
    t('activities.capacity', '{n} places', { n: activity.capacity }),
    dropIn ? t('activities.mode.session', 'Enrolment per session') : t('activities.mode.term', 'Enrolment for the whole term'),
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <Page.Main>
      <Page.Title>{activity.title}</Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to={DESK_PATH} startIcon={<ArrowLeft />}>
            {t('activities.back', 'All courses and events')}
          </Link>
        }
        title={activity.title}
        subtitle={subtitle}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box>
            <Typography tag="h2" variant="delta">{t('activities.sessions', 'Sessions')}</Typography>
            <SessionsTable
              sessions={detail.sessions}
              highlighted={linked}
              chosen={dropIn ? chosen?.id ?? null : undefined}
              onChoose={(s) => setParams({ session: s.id }, { replace: true })}
              onCancel={setCancelling}
              onMove={setMoving}
            />
          </Box>
          <Box>
            <Typography tag="h2" variant="delta">
              {dropIn && chosen ? t('activities.enrolledFor', 'Enrolled for {when}', { when: occurrenceLabel(chosen.start, chosen.end, locale) }) : t('activities.enrolled', 'Enrolled')}
            </Typography>
            {!activity.registrationEnabled && <Typography textColor="neutral600">{t('activities.noRegistration', 'This activity takes no registration: people just come along.')}</Typography>}
            {list && <EnrolmentList list={list} onChanged={load} />}
          </Box>
          {activity.registrationEnabled && (!dropIn || chosen) && (
            <Box>
              <Typography tag="h2" variant="delta">{t('activities.enrolTitle', 'Enrol at the desk')}</Typography>
              <EnrolForm activity={activity} session={chosen} onEnrolled={load} />
            </Box>
          )}
        </Flex>
        <CancelSessionDialog session={cancelling} title={activity.title} onClose={() => setCancelling(null)} onDone={load} />
        <MoveSessionDialog session={moving} detail={detail} onClose={() => setMoving(null)} onDone={load} />
      </Layouts.Content>
    </Page.Main>
  );
};

export default ActivityDetail;
