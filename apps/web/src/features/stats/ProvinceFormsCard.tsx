import type { FormDefinition, StatPeriod } from '@stinet/shared';
import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, buildUrl } from '../../api/client';
import { useAuth } from '../../api/auth';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitSelect } from '../../components/UnitSelect';

/** The URL of a province's aggregate form, filled by the server. */
export function provinceFormUrl(periodId: string, formCode: string, unitId: string): string {
  return buildUrl('/api/stats/aggregates/province-form', { periodId, formCode, unitId });
}

/**
 * The provincial aggregate forms of Circular 26/2015 (01–06/TKTH-KHCN-ĐP) for a period, filled by the server: 02–06
 * from the approved reports of the province's units, 01 from the organization registry. A province officer gets their
 * own province; a national administrator or reviewer picks one.
 */
export function ProvinceFormsCard({ period }: { period: StatPeriod }) {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const own = user?.scopeUnit?.kind === 'province' ? user.scopeUnit.id : null;
  const [picked, setPicked] = useState<string | null>(null);
  const unitId = own ?? picked;
  const forms = useQuery({
    queryKey: ['stats', 'forms', period.year, 'province'],
    queryFn: ({ signal }) => api.get<{ items: FormDefinition[] }>('/api/stats/forms', { year: period.year, level: 'province' }, signal),
    staleTime: Infinity,
  });
  const en = i18n.language.startsWith('en');
  // a ministry's officer has no provincial forms (Circular 26/2015 is for the provinces)
  if (user?.role === 'focal_officer' && !own) return null;
  return (
    <Card withBorder mt="md" component="section" aria-labelledby="stats-province-forms-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="stats-province-forms-title">
          {t('statsAdmin.provinceForms.title')}
        </Title>
        <Text size="sm">{t('statsAdmin.provinceForms.intro')}</Text>
        {own ? null : <UnitSelect label={t('statsAdmin.provinceForms.province')} value={picked} onChange={setPicked} kinds={['province']} />}
        {forms.error ? <ErrorAlert error={forms.error} onRetry={() => void forms.refetch()} /> : null}
        {unitId ? (
          <List size="sm" spacing={4}>
            {(forms.data?.items ?? []).map((f) => (
              <List.Item key={f.code}>
                <Anchor href={provinceFormUrl(period.id, f.code, unitId)} download>
                  {`${f.code} — ${en ? f.titleEn : f.titleVi} (XLSX)`}
                </Anchor>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('statsAdmin.provinceForms.pick')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
