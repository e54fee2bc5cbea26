import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

export type Translate = (id: string, defaultMessage: string, values?: Record<string, string | number>) => string;

/** The plugin's strings in the reader's admin language: `t('board.title', 'Day board')`. */
export const useT = (): { t: Translate; locale: string } => {
  const { formatMessage, locale } = useIntl();
  const t: Translate = (id, defaultMessage, values) => formatMessage({ id: `${PLUGIN_ID}.${id}`, defaultMessage }, values);
  return { t, locale };
};
