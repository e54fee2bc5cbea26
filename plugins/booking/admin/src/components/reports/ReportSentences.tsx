import { Button, Flex } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import type { ReportData } from '../../utils/use-service-report';
import { useT } from '../../utils/use-t';

/**
 * Copies with the Clipboard API; where the panel is not a secure context (plain http on a LAN
 * address) that API is missing, and a selected hidden textarea is copied the old way.
 */
const copyText = async (text: string): Promise<void> => {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy refused');
};

/** The paragraph for the monthly report, in Chinese and in English, each with its copy button. */
export const ReportSentences = ({ report, print = false }: { report: ReportData; print?: boolean }) => {
  const { t } = useT();
  const { toggleNotification } = useNotification();
  const copy = async (text: string) => {
    try {
      await copyText(text);
      toggleNotification({ type: 'success', message: t('reports.copied', 'Copied: paste it into the report.') });
    } catch {
      toggleNotification({ type: 'danger', message: t('reports.copyFailed', 'The browser did not allow copying: select the text and copy it.') });
    }
  };
  const languages = [
    { lang: 'zh-CN', text: report.sentences.zh, button: t('reports.copyZh', 'Copy the Chinese') },
    { lang: 'en', text: report.sentences.en, button: t('reports.copyEn', 'Copy the English') },
  ];
  return (
    <div className="sentence">
      {languages.map(({ lang, text, button }) => (
        <Flex key={lang} gap={3} alignItems="flex-start" justifyContent="space-between" marginBottom={2}>
          <p lang={lang} data-sentence={lang}>
            {text}
          </p>
          {!print && (
            <Button variant="secondary" onClick={() => void copy(text)} style={{ flexShrink: 0 }}>
              {button}
            </Button>
          )}
        </Flex>
      ))}
    </div>
  );
};
