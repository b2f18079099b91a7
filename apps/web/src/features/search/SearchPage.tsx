import { SEARCH_FACETS, type FacetBucket, type SearchFacet, type SearchHit } from '@stinet/shared';
import { Badge, Box, Button, Card, Checkbox, Grid, Group, Pagination, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, LoadingState } from '../../components/States';
import { useSearchState } from '../../lib/useSearchState';
import { useSearch } from './api';
import { Highlighted } from './Highlighted';

const PAGE_SIZE = 20;
const DEFAULTS = { q: '', type: '', level: '', field: '', province: '', organization: '', year: '', status: '', provinceAsOf: '' };
type Key = keyof typeof DEFAULTS;

const listOf = (value: string): string[] => (value ? value.split(',').filter(Boolean) : []);

/** One facet as a group of checkboxes with counts (counted with the other facets' filters). */
function FacetGroup({ facet, buckets, selected, onToggle }: { facet: SearchFacet; buckets: FacetBucket[]; selected: string[]; onToggle: (key: string) => void }) {
  const { t, i18n } = useTranslation();
  if (!buckets.length) return null;
  const label = (b: FacetBucket) => {
    if (facet === 'type') return t(`search.types.${b.key}`, { defaultValue: b.label });
    if (facet === 'status') return t(`search.statuses.${b.key}`, { defaultValue: b.label });
    return i18n.language.startsWith('en') ? b.labelEn : b.label;
  };
  return (
    <Box component="fieldset" style={{ border: 0, padding: 0, margin: 0 }} data-facet={facet}>
      <Text component="legend" fw={600} size="sm" mb={6}>
        {t(`search.facets.${facet}`)}
      </Text>
      <Stack gap={6}>
        {buckets.map((b) => (
          <Checkbox
            key={b.key}
            size="sm"
            checked={selected.includes(b.key)}
            onChange={() => onToggle(b.key)}
            label={
              <Group gap={6} wrap="nowrap" component="span">
                <span>{label(b)}</span>
                <Text component="span" size="xs" c="dimmed">
                  ({b.count.toLocaleString(i18n.language)})
                </Text>
              </Group>
            }
          />
        ))}
      </Stack>
    </Box>
  );
}

/** One hit: linked title with the matched terms marked, its type, subtitle and snippet. */
function HitCard({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="li" padding="md" data-hit-type={hit.type}>
      <Group gap="xs" mb={4}>
        <Badge variant="light" color={hit.type === 'task' ? 'blue' : hit.type === 'result' ? 'teal' : hit.type === 'organization' ? 'grape' : 'orange'}>
          {t(`search.types.${hit.type}`)}
        </Badge>
        {hit.subtitle ? (
          <Text size="xs" c="dimmed">
            {hit.subtitle}
          </Text>
        ) : null}
      </Group>
      <Title order={2} fz="md" fw={600}>
        <AppLink to={hit.url}>
          <Highlighted value={hit.highlight.title} />
        </AppLink>
      </Title>
      {hit.highlight.snippet ? (
        <Text size="sm" mt={4} c="gray.8">
          <Highlighted value={hit.highlight.snippet} />
        </Text>
      ) : null}
    </Card>
  );
}

/**
 * The public search across tasks, registered results, organizations and researchers: query box (accent-insensitive,
 * "phrases", prefix*), hits with highlights, facets with counts, paging; all state in the URL.
 */
export function SearchPage() {
  const { t, i18n } = useTranslation();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const [text, setText] = useState(get('q'));
  useEffect(() => setText(get('q')), [get]);
  const params = {
    q: get('q') || undefined,
    type: get('type') || undefined,
    level: get('level') || undefined,
    field: get('field') || undefined,
    province: get('province') || undefined,
    organization: get('organization') || undefined,
    year: get('year') || undefined,
    status: get('status') || undefined,
    provinceAsOf: get('provinceAsOf') || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const query = useSearch(params);
  const data = query.data;
  const toggle = (facet: Key, key: string) => {
    const current = listOf(get(facet));
    set({ [facet]: (current.includes(key) ? current.filter((k) => k !== key) : [...current, key]).join(',') });
  };
  const anyFilter = SEARCH_FACETS.some((f) => get(f as Key) !== '') || get('provinceAsOf') !== '';
  const pages = data ? Math.min(Math.ceil(data.total / PAGE_SIZE), Math.floor(10_000 / PAGE_SIZE)) : 0;

  return (
    <>
      <PageHeader title={t('search.title')} description={t('search.description')} />
      <Card withBorder mb="md">
        <form
          role="search"
          aria-label={t('search.title')}
          onSubmit={(e) => {
            e.preventDefault();
            set({ q: text.trim() });
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              type="search"
              name="q"
              label={t('search.queryLabel')}
              description={t('search.syntaxHint')}
              placeholder={t('search.queryPlaceholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              style={{ flex: '1 1 360px' }}
            />
            <Button type="submit">{t('search.submit')}</Button>
          </Group>
        </form>
      </Card>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Card withBorder component="aside" aria-label={t('search.facetsLabel')}>
            <Stack gap="lg">
              {data
                ? SEARCH_FACETS.map((f) => <FacetGroup key={f} facet={f} buckets={data.facets[f]} selected={listOf(get(f as Key))} onToggle={(k) => toggle(f as Key, k)} />)
                : null}
              <TextInput
                type="date"
                label={t('search.provinceAsOf')}
                description={t('search.provinceAsOfHint')}
                value={get('provinceAsOf')}
                onChange={(e) => set({ provinceAsOf: e.currentTarget.value })}
              />
              {anyFilter ? (
                <Button variant="subtle" onClick={() => set({ type: '', level: '', field: '', province: '', organization: '', year: '', status: '', provinceAsOf: '' })}>
                  {t('search.clearFilters')}
                </Button>
              ) : null}
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          {query.isError ? <ErrorAlert error={query.error} onRetry={() => void query.refetch()} /> : null}
          {query.isPending ? <LoadingState /> : null}
          {data ? (
            <Stack gap="sm">
              <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="search-total">
                {t('search.resultsCount', { count: data.total, formatted: data.total.toLocaleString(i18n.language) })}
              </Text>
              {data.approximate && data.total > 0 ? (
                <Text size="sm" c="orange.9">
                  {t('search.approximate', { q: params.q })}
                </Text>
              ) : null}
              {data.items.length ? (
                <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('search.resultsLabel')}>
                  {data.items.map((hit) => (
                    <HitCard key={`${hit.type}:${hit.id}`} hit={hit} />
                  ))}
                </Stack>
              ) : (
                <EmptyState message={params.q ? t('search.noResults', { q: params.q }) : t('search.noResultsFiltered')} />
              )}
              {pages > 1 ? (
                <Group justify="center" mt="sm">
                  <Pagination
                    total={pages}
                    value={page}
                    onChange={setPage}
                    getControlProps={(control) => ({ 'aria-label': t(`search.pagination.${control}`) })}
                    getItemProps={(p) => ({ 'aria-label': t('search.pagination.page', { page: p }) })}
                  />
                </Group>
              ) : null}
            </Stack>
          ) : null}
        </Grid.Col>
      </Grid>
    </>
  );
}
