import { useTranslation } from 'react-i18next';

/** The id of the main content landmark that the skip link targets. */
export const MAIN_CONTENT_ID = 'main-content';

/** A "skip to main content" link, visible when focused by keyboard. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`}>
      {t('app.skipToContent')}
    </a>
  );
}
