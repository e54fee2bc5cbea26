import * as React from 'react';
import { Layouts, Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import type { ClosureImpact, ClosureRequest, CreateClosure, ListClosures, PreviewClosure, StaffClosure } from '../../../shared/contracts/closures';
import { ClosureFormFields, type FieldMessages } from '../components/closures/ClosureFormFields';
import { ClosureList } from '../components/closures/ClosureList';
import { ImpactView } from '../components/closures/ImpactView';
import { PAGE_PERMISSIONS } from '../permissions';
import { PLUGIN_ID } from '../pluginId';
import { dayOnCentreClock } from '../utils/centre-clock';
import { checkClosureForm, MAX_REASON, type ClosureForm, type ClosureFormErrors } from '../utils/closure-form';
import { errorMessage, fieldErrors } from '../utils/fetch-error';
import { useT, type Translate } from '../utils/use-t';

/** A rule's code (the form's or the server's) in the reader's language. */
const ruleMessage = (t: Translate, code: string): string =>
  ({
    rooms_required: t('closures.errors.rooms_required', 'Choose at least one room, or all rooms.'),
    unknown_room: t('closures.errors.unknown_room', 'One of these rooms no longer exists; reload the page.'),
    time_required: t('closures.errors.time_required', 'Enter a date and time.'),
    end_before_start: t('closures.errors.end_before_start', 'The end must be after the start.'),
    too_long: t('closures.errors.too_long', 'A closure lasts at most 366 days.'),
    reason_required: t('closures.errors.reason_required', 'Give the reason in Chinese or English: people read it.'),
    reason_too_long: t('closures.errors.reason_too_long', 'At most {max} characters.', { max: MAX_REASON }),
  })[code] ?? t('closures.errors.invalid', 'Check this field.');

const FIELDS: Array<keyof ClosureForm> = ['allRooms', 'rooms', 'start', 'end', 'reason', 'reasonEn'];

/** Declare a closure: see what it falls on, then save it alone or cancel those and tell everyone at once. */
const ClosuresPage = () => {
  const { t } = useT();
  const { get, post, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [past, setPast] = React.useState(false);
  const [list, setList] = React.useState<ListClosures.Response | null>(null);
  const [failed, setFailed] = React.useState(false);
  const [form, setForm] = React.useState<ClosureForm | null>(null);
  const [errors, setErrors] = React.useState<FieldMessages>({});
  const [preview, setPreview] = React.useState<{ request: ClosureRequest; impact: ClosureImpact } | null>(null);
  const [result, setResult] = React.useState<CreateClosure.Response['data'] | null>(null);
  const [busy, setBusy] = React.useState<'preview' | 'save' | 'cancel' | null>(null);

  const load = React.useCallback(async () => {
    try {
      const { data } = (await get(`/${PLUGIN_ID}/closures`, { params: { scope: past ? 'past' : 'upcoming' } })) as { data: ListClosures.Response };
      setList(data);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [get, past]);

  React.useEffect(() => {
    void load();
  }, [load]);

  const timezone = list?.meta.timezone ?? null;
  const startForm = () => {
    if (!timezone) return;
    setResult(null);
    setPreview(null);
    setErrors({});
    setForm({ allRooms: false, rooms: [], start: dayOnCentreClock(1, 8, timezone), end: dayOnCentreClock(1, 22, timezone), reason: '', reasonEn: '' });
  };

  const translated = (codes: ClosureFormErrors): FieldMessages =>
    Object.fromEntries(Object.entries(codes).map(([field, code]) => [field, ruleMessage(t, code!)]));

  /** A 400 from the server: each named field's rule in the reader's language; anything else as a notice. */
  const showRefusal = (error: unknown) => {
    const byField = fieldErrors(error);
    const known = Object.entries(byField).filter(([field]) => FIELDS.includes(field as keyof ClosureForm));
    if (known.length > 0) setErrors(Object.fromEntries(known.map(([field, e]) => [field, ruleMessage(t, e.code ?? '')])));
    else toggleNotification({ type: 'danger', message: errorMessage(error) });
  };

  const onChange = (next: ClosureForm) => {
    setForm(next);
    // What was previewed no longer matches the form.
    setPreview(null);
  };

  const onPreview = async () => {
    if (!form || !timezone) return;
    const { errors: codes, request } = checkClosureForm(form, timezone);
    setErrors(translated(codes));
    if (!request) return;
    setBusy('preview');
    try {
      const { data } = (await post(`/${PLUGIN_ID}/closures/preview`, { data: request })) as { data: PreviewClosure.Response };
      setPreview({ request, impact: data.data });
    } catch (error) {
      showRefusal(error);
    } finally {
      setBusy(null);
    }
  };

  const save = async (cancelAffected: boolean) => {
    if (!preview) return;
    setBusy(cancelAffected ? 'cancel' : 'save');
    try {
      const { data } = (await post(`/${PLUGIN_ID}/closures`, { data: { ...preview.request, cancelAffected } })) as { data: CreateClosure.Response };
      setResult(data.data);
      setForm(null);
      setPreview(null);
      toggleNotification({ type: 'success', message: t('closures.saved', 'Closure saved') });
      await load();
    } catch (error) {
      showRefusal(error);
    } finally {
      setBusy(null);
    }
  };

  const remove = async (closure: StaffClosure) => {
    try {
      await del(`/${PLUGIN_ID}/closures/${closure.id}`);
      toggleNotification({ type: 'success', message: t('closures.removed', 'Closure removed') });
      await load();
    } catch (error) {
      toggleNotification({ type: 'danger', message: errorMessage(error) });
    }
  };

  const affectsAnything = preview && (preview.impact.reservations.length > 0 || preview.impact.sessions.length > 0);

  return (
    <Page.Main>
      <Page.Title>{t('closures.title', 'Closures')}</Page.Title>
      <Layouts.Header
        title={t('closures.title', 'Closures')}
        subtitle={t('closures.subtitle', 'Close rooms for a holiday or repairs, and tell everyone affected.')}
        primaryAction={
          <Button onClick={startForm} disabled={!timezone || form !== null}>
            {t('closures.declare', 'Declare a closure')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {form && timezone && list && (
            <Box padding={6} background="neutral0" hasRadius shadow="tableShadow" tag="section" aria-labelledby="closure-form-title">
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography id="closure-form-title" tag="h2" variant="beta">
                  {t('closures.declare', 'Declare a closure')}
                </Typography>
                <ClosureFormFields form={form} onChange={onChange} rooms={list.meta.rooms} timezone={timezone} errors={errors} busy={busy === 'preview'} onPreview={() => void onPreview()} />
                {preview && (
                  <Flex direction="column" alignItems="stretch" gap={4} tag="section" aria-labelledby="closure-preview-title">
                    <Typography id="closure-preview-title" tag="h2" variant="beta">
                      {t('closures.preview.title', 'What this closure falls on')}
                    </Typography>
                    <ImpactView impact={preview.impact} done={false} />
                    <Flex gap={2} wrap="wrap">
                      <Button variant={affectsAnything ? 'secondary' : 'default'} loading={busy === 'save'} disabled={busy !== null} onClick={() => void save(false)}>
                        {t('closures.saveOnly', 'Save closure only')}
                      </Button>
                      {affectsAnything && (
                        <Button variant="danger" loading={busy === 'cancel'} disabled={busy !== null} onClick={() => void save(true)}>
                          {t('closures.saveAndCancel', 'Save, cancel these and tell everyone')}
                        </Button>
                      )}
                    </Flex>
                  </Flex>
                )}
                <Flex>
                  <Button variant="tertiary" onClick={() => setForm(null)} disabled={busy !== null}>
                    {t('closures.close', 'Close the form')}
                  </Button>
                </Flex>
              </Flex>
            </Box>
          )}

          {result && (
            <Box padding={6} background="neutral0" hasRadius shadow="tableShadow" tag="section" aria-labelledby="closure-result-title" role="status">
              <Flex direction="column" alignItems="stretch" gap={4}>
                <Typography id="closure-result-title" tag="h2" variant="beta">
                  {result.cancelled ? t('closures.result.title', 'Closure saved; cancelled and told') : t('closures.result.savedOnly', 'Closure saved; bookings and sessions were left as they were')}
                </Typography>
                {result.cancelled && <ImpactView impact={result.cancelled} done />}
              </Flex>
            </Box>
          )}

          <Box tag="section" aria-labelledby="closure-list-title">
            <Flex justifyContent="space-between" alignItems="center" paddingBottom={3} gap={4} wrap="wrap">
              <Typography id="closure-list-title" tag="h2" variant="beta">
                {past ? t('closures.past', 'Past closures') : t('closures.upcoming', 'Upcoming closures')}
              </Typography>
              <Button variant="tertiary" aria-pressed={past} onClick={() => setPast(!past)}>
                {t('closures.showPast', 'Show past closures')}
              </Button>
            </Flex>
            {failed && <Page.Error />}
            {!failed && !list && <Page.Loading />}
            {list && <ClosureList closures={list.data} past={past} onRemove={remove} />}
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

const ProtectedClosuresPage = () => (
  <Page.Protect permissions={PAGE_PERMISSIONS.closures}>
    <ClosuresPage />
  </Page.Protect>
);

export default ProtectedClosuresPage;
