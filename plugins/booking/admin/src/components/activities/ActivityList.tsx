import * as React from 'react';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { Badge, Box, Button, Field, Flex, Link, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { NavLink, useNavigate, useSearchParams } from 'react-router-dom';
import type { ActivityKind, DeskActivity, ListDeskActivities } from '../../../../shared/contracts/activities';
import { PLUGIN_ID } from '../../pluginId';
import { activityPath } from '../../utils/activity-paths';
import { errorMessage } from '../../utils/fetch-error';
import { occurrenceLabel } from '../../utils/occurrence-label';
import { useT } from '../../utils/use-t';

type Filter = ActivityKind | 'all';

/** The desk's first view: every published course and event, those with a session to come first, found by a word of the title. */
const ActivityList = () => {
  const { t, locale } = useT();
  const { get } = useFetchClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const sessionLink = params.get('session');
  const [filter, setFilter] = React.useState<Filter>('all');
  const [q, setQ] = React.useState('');
  const [list, setList] = React.useState<DeskActivity[] | null>(null);
  const [failed, setFailed] = React.useState<string | null>(null);

  // A link to a session (from the day board) opens its activity: the roster names it.
  React.useEffect(() => {
    if (!sessionLink) return;
    get(`/${PLUGIN_ID}/sessions/${encodeURIComponent(sessionLink)}/enrolments`)
      .then(({ data }) => {
        const { activity } = (data as { data: { activity: { kind: string; id: string } } }).data;
        navigate(activityPath(activity.kind, activity.id, sessionLink), { replace: true });
      })
      .catch((e: unknown) => setFailed(t('activities.sessionNotFound', 'No session found for this link: {message}', { message: errorMessage(e) })));
  }, [sessionLink, get, navigate]);

  React.useEffect(() => {
    if (sessionLink) return;
    // Wait for a pause in typing before asking.
    const timer = setTimeout(() => {
      get(`/${PLUGIN_ID}/activities`, { params: { ...(filter === 'all' ? {} : { type: filter }), ...(q.trim() ? { q: q.trim() } : {}) } })
        .then(({ data }) => {
          setList((data as ListDeskActivities.Response).data);
          setFailed(null);
        })
        .catch((e: unknown) => setFailed(errorMessage(e)));
    }, 250);
    return () => clearTimeout(timer);
  }, [get, filter, q, sessionLink]);

  const kindLabel = (k: ActivityKind) => (k === 'course' ? t('activities.kind.course', 'Course') : t('activities.kind.event', 'Event'));
  const FILTERS: Array<[Filter, string]> = [
    ['all', t('activities.filter.all', 'All')],
    ['course', t('activities.filter.course', 'Courses')],
    ['event', t('activities.filter.event', 'Events')],
  ];

  return (
    <Page.Main>
      <Page.Title>{t('activities.title', 'Activities desk')}</Page.Title>
      <Layouts.Header title={t('activities.title', 'Activities desk')} subtitle={t('activities.subtitle', 'Enrol at the desk, waiting lists, cancel or move a session.')} />
      <Layouts.Content>
        <Flex gap={4} marginBottom={4} alignItems="flex-end" wrap="wrap">
          <Box minWidth="20rem">
            <Field.Root name="q">
              <Field.Label>{t('activities.search', 'Find a course or event')}</Field.Label>
              <TextInput type="search" value={q} placeholder={t('activities.searchHint', 'A word of its title')} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setQ(e.target.value)} />
            </Field.Root>
          </Box>
          <Flex gap={2} role="group" aria-label={t('activities.filter', 'Show')}>
            {FILTERS.map(([f, label]) => (
              <Button key={f} variant={f === filter ? 'default' : 'tertiary'} aria-pressed={f === filter} onClick={() => setFilter(f)}>
                {label}
              </Button>
            ))}
          </Flex>
        </Flex>
        {failed && (
          <Box padding={4} background="danger100" hasRadius marginBottom={4}>
            <Typography textColor="danger700" role="alert">{failed}</Typography>
          </Box>
        )}
        {!failed && !list && <Page.Loading />}
        {list && list.length === 0 && (
          <Box padding={6} background="neutral0" hasRadius>
            <Typography>{t('activities.none', 'No course or event matches.')}</Typography>
          </Box>
        )}
        {list && list.length > 0 && (
          <Table colCount={5} rowCount={list.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('activities.name', 'Course or event')}</Typography></Th>
                <Th><Typography variant="sigma">{t('activities.next', 'Next session')}</Typography></Th>
                <Th><Typography variant="sigma">{t('activities.room', 'Room')}</Typography></Th>
                <Th><Typography variant="sigma">{t('activities.places', 'Places')}</Typography></Th>
                <Th><Typography variant="sigma">{t('activities.sessionsToCome', 'Sessions to come')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {list.map((a) => (
                <Tr key={`${a.kind}-${a.id}`} data-activity={a.slug}>
                  <Td>
                    <Flex gap={2}>
                      <Badge>{kindLabel(a.kind)}</Badge>
                      <Link tag={NavLink} to={activityPath(a.kind, a.id)}>{a.title}</Link>
                    </Flex>
                  </Td>
                  <Td><Typography>{a.nextSession ? occurrenceLabel(a.nextSession.start, a.nextSession.end, locale) : t('activities.over', 'Over')}</Typography></Td>
                  <Td><Typography>{a.room?.name ?? a.location ?? '—'}</Typography></Td>
                  <Td>
                    <Typography>
                      {a.placesLeft === null
                        ? t('activities.perSession', 'Per session')
                        : t('activities.placesLeftOf', '{left} of {capacity} left', { left: a.placesLeft, capacity: a.capacity })}
                      {a.waiting ? ` · ${t('activities.waitingCount', '{n} waiting', { n: a.waiting })}` : ''}
                    </Typography>
                  </Td>
                  <Td><Typography>{a.upcomingSessions}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

export default ActivityList;
