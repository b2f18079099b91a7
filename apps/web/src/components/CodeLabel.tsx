import { useTranslation } from 'react-i18next';
import { useCodeIndex } from '../features/classifications/api';

/** Props of {@link CodeLabel}. */
export interface CodeLabelProps {
  scheme: string;
  code: string | null | undefined;
  /** Prefix the label with the code ("code – label"). */
  withCode?: boolean;
}

/** Shows a classification code's label in the current language from the cached code list (the code while loading). */
export function CodeLabel({ scheme, code, withCode = false }: CodeLabelProps) {
  const { i18n } = useTranslation();
  const index = useCodeIndex(code ? scheme : null);
  if (!code) return <>—</>;
  const entry = index?.get(code);
  if (!entry) return <>{code}</>;
  const label = i18n.language === 'en' ? entry.labelEn || entry.labelVi : entry.labelVi;
  return <>{withCode ? `${entry.code} – ${label}` : label}</>;
}
