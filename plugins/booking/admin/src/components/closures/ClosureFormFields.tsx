import { Box, Button, Checkbox, Field, Flex, TextInput, Typography } from '@strapi/design-system';
import type { ClosableRoom } from '../../../../shared/contracts/closures';
import type { ClosureForm } from '../../utils/closure-form';
import { useT } from '../../utils/use-t';

export type FieldMessages = Partial<Record<keyof ClosureForm, string>>;

/** Rooms by floor when staff numbered them, else by where editors said they are; otherwise one group. */
const byLocation = (rooms: ClosableRoom[], floorLabel: (n: number) => string): Array<[string | null, ClosableRoom[]]> => {
  const groups = new Map<string | null, ClosableRoom[]>();
  const ordered = [...rooms].sort((a, b) => (a.floor ?? Infinity) - (b.floor ?? Infinity));
  for (const room of ordered) {
    const key = room.floor !== null ? floorLabel(room.floor) : room.location;
    groups.set(key, [...(groups.get(key) ?? []), room]);
  }
  return [...groups.entries()];
};

/** The "declare a closure" form: which rooms, from when to when on the centre's clock, and why in both languages. */
export const ClosureFormFields = ({
  form,
  onChange,
  rooms,
  timezone,
  errors,
  busy,
  onPreview,
}: {
  form: ClosureForm;
  onChange: (form: ClosureForm) => void;
  rooms: ClosableRoom[];
  timezone: string;
  errors: FieldMessages;
  busy: boolean;
  onPreview: () => void;
}) => {
  const { t } = useT();
  const set = <K extends keyof ClosureForm>(key: K, value: ClosureForm[K]) => onChange({ ...form, [key]: value });
  const toggleRoom = (id: string, on: boolean) => set('rooms', on ? [...form.rooms, id] : form.rooms.filter((r) => r !== id));
  const groups = byLocation(rooms, (n) => t('closures.floorN', 'Floor {n}', { n }));

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onPreview();
      }}
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Checkbox checked={form.allRooms} onCheckedChange={(checked: boolean | 'indeterminate') => set('allRooms', checked === true)}>
          {t('closures.allRooms', 'All rooms (the whole centre)')}
        </Checkbox>
        {!form.allRooms && (
          <Box tag="fieldset" borderStyle="none" padding={0} aria-describedby={errors.rooms ? 'closure-rooms-error' : undefined}>
            <Typography tag="legend" variant="pi" fontWeight="bold">
              {t('closures.rooms', 'Rooms to close')}
            </Typography>
            {groups.map(([location, list]) => (
              <Box key={location ?? ''} paddingTop={2}>
                {location && groups.length > 1 && <Typography variant="sigma" textColor="neutral600">{location}</Typography>}
                <Flex gap={4} wrap="wrap" paddingTop={1}>
                  {list.map((room) => (
                    <Checkbox key={room.id} checked={form.rooms.includes(room.id)} onCheckedChange={(checked: boolean | 'indeterminate') => toggleRoom(room.id, checked === true)}>
                      {room.name}
                    </Checkbox>
                  ))}
                </Flex>
              </Box>
            ))}
            {errors.rooms && (
              <Typography id="closure-rooms-error" variant="pi" textColor="danger600" role="alert">
                {errors.rooms}
              </Typography>
            )}
          </Box>
        )}
        <Flex gap={4} wrap="wrap" alignItems="flex-start">
          <Field.Root name="start" required error={errors.start} hint={t('closures.clockHint', 'On the centre’s clock ({tz})', { tz: timezone })}>
            <Field.Label>{t('closures.from', 'From')}</Field.Label>
            <TextInput type="datetime-local" value={form.start} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('start', e.target.value)} />
            <Field.Error />
            <Field.Hint />
          </Field.Root>
          <Field.Root name="end" required error={errors.end}>
            <Field.Label>{t('closures.to', 'To')}</Field.Label>
            <TextInput type="datetime-local" value={form.end} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('end', e.target.value)} />
            <Field.Error />
          </Field.Root>
        </Flex>
        <Flex gap={4} wrap="wrap" alignItems="flex-start">
          <Box grow={1}>
            <Field.Root name="reason" error={errors.reason} hint={t('closures.reasonHint', 'People affected read it in the mail.')}>
              <Field.Label>{t('closures.reason', 'Reason (Chinese)')}</Field.Label>
              <TextInput lang="zh-CN" value={form.reason} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('reason', e.target.value)} />
              <Field.Error />
              <Field.Hint />
            </Field.Root>
          </Box>
          <Box grow={1}>
            <Field.Root name="reasonEn" error={errors.reasonEn}>
              <Field.Label>{t('closures.reasonEn', 'Reason (English)')}</Field.Label>
              <TextInput lang="en" value={form.reasonEn} onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('reasonEn', e.target.value)} />
              <Field.Error />
            </Field.Root>
          </Box>
        </Flex>
        <Flex>
          <Button type="submit" loading={busy}>
            {t('closures.preview', 'See what it falls on')}
          </Button>
        </Flex>
      </Flex>
    </form>
  );
};
