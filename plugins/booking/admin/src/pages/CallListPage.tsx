import * as React from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { CallEntry, CallPerson, ListCalls, TickCall } from '../../../shared/contracts/messages';
import { DayNavigator } from '../components/attendance/DayNavigator';
import { PAGE_PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { dayLabel } from '../utils/calendar-day';
import { errorMessage } from '../utils/fetch-error';
import { centreTime, messageKindLabel, stateLabel } from '../utils/message-labels';
import { useT } from '../utils/use-t';

const ROOT_ID = 'linli-call-list';

/**
 * On screen the list sits in the panel; printed, it is the only thing on the page: one clean table
 * in large type, without the panel's navigation, the buttons or the note fields.
 */
const LIST_CSS = `
#${ROOT_ID} table { width: 100%; border-collapse: collapse; font-size: 1.5rem; line-height: 1.4; }
#${ROOT_ID} th, #${ROOT_ID} td { border: 1px solid #c0c0cf; padding: 8px 10px; text-align: start; vertical-align: top; }
#${ROOT_ID} th { background: #f6f6f9; font-size: 1.3rem; }
#${ROOT_ID} .phone { white-space: nowrap; font-weight: 700; font-size: 1.7rem; }
#${ROOT_ID} .about + .about { margin-top: 10px; padding-top: 10px; border-top: 1px dashed #c0c0cf; }
#${ROOT_ID} .muted { color: #666687; }
#${ROOT_ID} .ticked { color: #328048; font-weight: 600; }
#${ROOT_ID} .ticked.failed { color: #d02b20; }
#${ROOT_ID} .tick { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin-top: 6px; }
#${ROOT_ID} .tick input { min-height: 44px; font-size: 1.4rem; padding: 0 8px; flex: 1 1 12em; border: 1px solid #c0c0cf; border-radius: 4px; }
#${ROOT_ID} .tick button { min-height: 48px; min-width: 96px; font-size: 1.5rem; font-weight: 600; border-radius: 4px; cursor: pointer; border: 2px solid; background: #fff; }
#${ROOT_ID} .tick .reached { border-color: #328048; color: #2f6846; }
#${ROOT_ID} .tick .not-reached { border-color: #d02b20; color: #b72b1a; }
#${ROOT_ID} .tick button:focus-visible { outline: 3px solid #4945ff; outline-offset: 2px; }
#${ROOT_ID} .print-only { display: none; }
@media print {
  @page { size: A4; margin: 12mm; }
  html, body { background: #fff !important; }
  body * { visibility: hidden !important; }
  #${ROOT_ID}, #${ROOT_ID} * { visibility: visible !important; }
  #${ROOT_ID} { position: absolute; left: 0; top: 0; width: 100%; background: #fff; color: #000; }
  #${ROOT_ID} .screen-only { display: none !important; }
  #${ROOT_ID} .print-only { display: block; }
  #${ROOT_ID} h1.print-only { font-size: 20pt; margin: 0 0 8pt; }
  #${ROOT_ID} table { font-size: 14pt; }
  #${ROOT_ID} th { font-size: 12pt; background: #eee; }
  #${ROOT_ID} th, #${ROOT_ID} td { border-color: #000; }
  #${ROOT_ID} a { color: inherit; text-decoration: none; }
  #${ROOT_ID} tr { break-inside: avoid; }
}
`;

interface TickState {
  busy: number | null;
  notes: Record<number, string>;
}

/** "电话通知 / Call list": whom to ring today about what, printable, ticked off as staff reach them. */
const CallListPage = () => {
  const { t, locale } = useT();
  const { get, post } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [date, setDate] = React.useState<string | null>(null);
  const [today, setToday] = React.useState<string | null>(null);
  const [list, setList] = React.useState<ListCalls.Response['data'] | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [tick, setTick] = React.useState<TickState>({ busy: null, notes: {} });

  const load = React.useCallback(async () => {
    try {
      const { data } = (await get(`/${PLUGIN_ID}/calls`, { params: date ? { date } : {} })) as { data: ListCalls.Response };
      setList(data.data);
      // The first answer names the centre's today (its clock, not the browser's).
      setToday((known) => known ?? data.data.date);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [get, date]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const submit = async (person: CallPerson, call: CallEntry, outcome: TickCall.Outcome) => {
    setTick((s) => ({ ...s, busy: call.id }));
    try {
      const note = tick.notes[call.id]?.trim();
      await post(`/${PLUGIN_ID}/calls/${call.id}`, { data: { outcome, ...(note ? { note } : {}) } });
      toggleNotification({
        type: 'success',
        message: outcome === 'reached' ? t('calls.tickedReached', '{name}: reached.', { name: person.name }) : t('calls.tickedNotReached', '{name}: not reached.', { name: person.name }),
      });
    } catch (error: unknown) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    } finally {
      setTick((s) => ({ ...s, busy: null }));
      await load();
    }
  };

  const toRing = list ? list.people.reduce((n, p) => n + p.calls.filter((c) => c.state === 'queued').length, 0) : 0;
  const shownDate = list?.date ?? date;

  return (
    <Page.Main>
      <Page.Title>{t('calls.title', 'Call list')}</Page.Title>
      <Layouts.Header
        title={t('calls.title', 'Call list')}
        subtitle={t('calls.subtitle', 'Residents who asked for a phone call, or gave no other way to reach them. Ring them, then tick who was reached.')}
        primaryAction={
          <Button onClick={() => window.print()} disabled={!list}>
            {t('calls.print', 'Print')}
          </Button>
        }
      />
      <Layouts.Content>
        <div id={ROOT_ID} lang={locale}>
          <style>{LIST_CSS}</style>
          {today && shownDate && (
            <Box className="screen-only" marginBottom={4}>
              <DayNavigator date={shownDate} today={today} onChange={setDate} />
            </Box>
          )}
          {shownDate && (
            <h1 className="print-only">
              {t('calls.printHeading', 'Call list')} · {dayLabel(shownDate, locale)}
            </h1>
          )}
          {failed && <Page.Error />}
          {!failed && !list && <Page.Loading />}
          {list && (
            <Typography tag="p" className="screen-only" textColor="neutral600" data-to-ring={toRing}>
              {t('calls.toRing', '{n} calls to make', { n: toRing })}
            </Typography>
          )}
          {list && list.people.length === 0 && (
            <Box padding={6} background="neutral0" hasRadius>
              <Typography>{t('calls.none', 'Nobody to ring on this day.')}</Typography>
            </Box>
          )}
          {list && list.people.length > 0 && (
            <Box marginTop={2}>
              <table>
                <thead>
                  <tr>
                    <th style={{ width: '3em' }}>{t('calls.no', 'No.')}</th>
                    <th>{t('calls.name', 'Name')}</th>
                    <th>{t('calls.phone', 'Phone')}</th>
                    <th>{t('calls.about', 'What to tell them')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.people.map((person, i) => (
                    <tr key={`${person.phone ?? ''}-${person.calls[0].id}`} data-person={person.name}>
                      <td>{i + 1}</td>
                      <td><strong>{person.name}</strong></td>
                      <td className="phone">{person.phone ? <a href={`tel:${person.phone}`}>{person.phone}</a> : '—'}</td>
                      <td>
                        {person.calls.map((call) => (
                          <div className="about" key={call.id} data-call={call.id} data-state={call.state}>
                            <div>
                              <strong>{messageKindLabel(call.kind, t)}</strong>: {call.summary}
                            </div>
                            <div className="muted">{t('calls.since', 'Waiting since {time}', { time: centreTime(call.createdAt) })}</div>
                            {call.state === 'queued' ? (
                              <>
                                <div className="print-only">☐ {t('calls.state.sent', 'Reached')}　☐ {t('calls.state.failed', 'Not reached')}</div>
                                <div className="tick screen-only">
                                  <input
                                    aria-label={t('calls.note', 'Note (optional)')}
                                    placeholder={t('calls.note', 'Note (optional)')}
                                    maxLength={500}
                                    value={tick.notes[call.id] ?? ''}
                                    onChange={(e) => {
                                      const value = e.target.value;
                                      setTick((s) => ({ ...s, notes: { ...s.notes, [call.id]: value } }));
                                    }}
                                  />
                                  <button type="button" className="reached" disabled={tick.busy !== null} onClick={() => void submit(person, call, 'reached')}>
                                    {t('calls.reached', 'Reached')}
                                  </button>
                                  <button type="button" className="not-reached" disabled={tick.busy !== null} onClick={() => void submit(person, call, 'not_reached')}>
                                    {t('calls.notReached', 'Not reached')}
                                  </button>
                                </div>
                              </>
                            ) : (
                              <div className={`ticked ${call.state}`}>
                                {stateLabel(call.state, 'call', t)}
                                {call.handledBy ? ` · ${call.handledBy}` : ''}
                                {call.tickedAt ? ` · ${centreTime(call.tickedAt)}` : ''}
                                {call.note ? ` · ${call.note}` : ''}
                              </div>
                            )}
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Box>
          )}
        </div>
      </Layouts.Content>
    </Page.Main>
  );
};

/** Staff holding either front desk permission; each sees the calls about the bookings their role covers. */
const ProtectedCallListPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.calls}>
    <CallListPage />
  </Page.Protect>
);

export default ProtectedCallListPage;
