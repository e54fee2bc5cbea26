import * as React from 'react';
import { Box, Checkbox, Field, Typography } from '@strapi/design-system';
import { useT } from '../../utils/use-t';

interface Props {
  /** The language the caller is told in: the notice is read out in it. */
  language: 'zh-CN' | 'en';
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string;
  /** A children's activity: the guardian agrees for the child too. */
  label?: string;
}

/**
 * Staff booking for someone confirm that person heard (or read) the centre's privacy notice and
 * agreed; the server records today's version and that staff took it. The notice is shown here so
 * staff can read it out word for word.
 */
export const ConsentConfirm = ({ language, checked, onChange, error, label }: Props) => {
  const { t } = useT();
  const [notice, setNotice] = React.useState<string | null>(null);

  React.useEffect(() => {
    let live = true;
    // The public route: the same words and version the site's forms show.
    fetch(`/api/booking/privacy-notice?locale=${language}`)
      .then((res) => (res.ok ? res.json() : null))
      .then((body) => live && setNotice(body?.data?.text ?? null))
      .catch(() => live && setNotice(null));
    return () => {
      live = false;
    };
  }, [language]);

  return (
    <Field.Root name="consentConfirmed" error={error} required>
      <Box padding={3} background="neutral100" hasRadius marginBottom={2}>
        <Typography variant="pi" fontWeight="bold" tag="p">{t('privacy.readOut', 'Read this privacy notice to them:')}</Typography>
        <Typography variant="pi" tag="p" lang={language === 'en' ? 'en' : 'zh-Hans'} data-privacy-notice>
          {notice ?? t('privacy.noticeLoading', 'Loading the privacy notice…')}
        </Typography>
      </Box>
      <Checkbox checked={checked} onCheckedChange={(value: boolean | 'indeterminate') => onChange(value === true)}>
        {label ?? t('privacy.confirm', 'They heard the privacy notice and agreed')}
      </Checkbox>
      <Field.Error />
    </Field.Root>
  );
};
