import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiCallError } from '../api';

/** The translated sentence for an error, and the server's own (more specific) sentence. */
export function useErrorText() {
  const { t } = useTranslation();
  return (error: unknown): { text: string; detail: string | null } => {
    if (isApiCallError(error)) {
      const text = t(error.i18nKey, { defaultValue: t(`errors.${error.code}`, { defaultValue: error.message }), ...paramsOf(error.details) });
      // Field problems are shown beside their fields; the server's summary would repeat them.
      const detail = error.fields.length > 0 || error.message === text ? null : error.message;
      return { text, detail };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { text: t('errors.INTERNAL'), detail: message };
  };
}

function paramsOf(details: Record<string, unknown>): Record<string, unknown> {
  const params = details.params;
  return typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
}

interface Props {
  error: unknown;
  id?: string;
  title?: string;
}

/** An error message a person can act on: role=alert, so it is announced when it appears. */
export const ErrorNotice = forwardRef<HTMLDivElement, Props>(function ErrorNotice({ error, id, title }, ref) {
  const { t } = useTranslation();
  const describe = useErrorText();
  if (!error) return null;
  const { text, detail } = describe(error);
  return (
    <div className="notice notice-error" role="alert" id={id} ref={ref} tabIndex={-1}>
      {title && <p className="notice-title">{title}</p>}
      <p>{text}</p>
      {detail && <p className="notice-detail">{t('common.technicalDetail', { message: detail })}</p>}
    </div>
  );
});
