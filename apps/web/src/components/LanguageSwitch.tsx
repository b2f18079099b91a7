import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../api/auth';

/** A button that switches the interface between Vietnamese and English (persisted; also saved to the user's profile when signed in). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { user, updateProfile } = useAuth();
  const next = i18n.language === 'en' ? 'vi' : 'en';
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      lang={next}
      title={t('language.switchTo')}
      onClick={() => {
        void i18n.changeLanguage(next);
        if (user && user.locale !== next) {
          updateProfile({ locale: next }).catch(() => {
            // The local choice still applies; the profile keeps its previous language.
          });
        }
      }}
    >
      {t('language.other')}
    </Button>
  );
}
