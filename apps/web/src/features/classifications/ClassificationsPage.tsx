import type { ClassificationCode, ClassificationScheme, CrosswalkEntry } from '@stinet/shared';
import { foldVietnamese } from '@stinet/shared';
import { Badge, Card, Grid, Group, NavLink, Stack, Table, Tabs, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { AppSelect } from '../../components/AppSelect';
import { useDebouncedValue } from '@mantine/hooks';
import { Fragment, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../components/DetailList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EmptyState, LoadingState } from '../../components/States';
import { formatDate, formatNumber } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { useCodeIndex, useCrosswalk, useScheme, useSchemes } from './api';

const DEFAULTS = { scheme: '', tab: 'codes', code: '' };

interface TreeNode {
  code: ClassificationCode;
  children: TreeNode[];
}

function buildTree(codes: ClassificationCode[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const code of codes) nodes.set(code.code, { code, children: [] });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.code.parentCode ? nodes.get(node.code.parentCode) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

function fold(text: string): string {
  return foldVietnamese(text).toLowerCase();
}

/** Keeps nodes that match the filter or have a matching descendant. */
function filterTree(nodes: TreeNode[], matches: (c: ClassificationCode) => boolean): TreeNode[] {
  const result: TreeNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, matches);
    if (matches(node.code) || children.length > 0) result.push({ code: node.code, children });
  }
  return result;
}

function Highlight({ text, term }: { text: string; term: string }): ReactNode {
  if (!term) return text;
  const index = fold(text).indexOf(fold(term));
  if (index < 0) return text;
  return (
    <>
      {text.slice(0, index)}
      <mark>{text.slice(index, index + term.length)}</mark>
      {text.slice(index + term.length)}
    </>
  );
}

function CodeTree({ nodes, lang, term }: { nodes: TreeNode[]; lang: string; term: string }) {
  return (
    <ul>
      {nodes.map((node) => {
        const label = lang === 'en' ? node.code.labelEn || node.code.labelVi : node.code.labelVi;
        return (
          <li key={node.code.code}>
            <code>{node.code.code}</code>
            <Highlight text={label} term={term} />
            {node.children.length > 0 ? <CodeTree nodes={node.children} lang={lang} term={term} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

function SchemeCodes({ scheme }: { scheme: ClassificationScheme }) {
  const { t, i18n } = useTranslation();
  const query = useScheme(scheme.code);
  const [filter, setFilter] = useState('');
  const [term] = useDebouncedValue(filter.trim(), 200);
  const tree = useMemo(() => buildTree(query.data?.codes ?? []), [query.data]);
  const visible = useMemo(() => {
    if (!term) return tree;
    const folded = fold(term);
    return filterTree(tree, (c) => fold(`${c.code} ${c.labelVi} ${c.labelEn}`).includes(folded));
  }, [tree, term]);

  if (query.error) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <LoadingState />;

  return (
    <Stack gap="sm">
      <TextInput type="search" label={t('classifications.filterCodes')} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={320} />
      {visible.length === 0 ? (
        <EmptyState message={term ? t('common.noMatches') : t('classifications.noCodes')} />
      ) : (
        <div role="group" aria-label={t('classifications.treeLabel', { scheme: scheme.code })} className="code-tree">
          <CodeTree nodes={visible} lang={i18n.language} term={term} />
        </div>
      )}
    </Stack>
  );
}

function CrosswalkView() {
  const { t, i18n } = useTranslation();
  const { get, set } = useSearchState(DEFAULTS);
  const code = get('code');
  const query = useCrosswalk('FOS2008', 'FOS2025', code || undefined);
  const fromIndex = useCodeIndex('FOS2008');
  const toIndex = useCodeIndex('FOS2025');
  const fromScheme = useScheme('FOS2008');
  const label = (index: Map<string, ClassificationCode> | undefined, c: string) => {
    const entry = index?.get(c);
    if (!entry) return '';
    return i18n.language === 'en' ? entry.labelEn || entry.labelVi : entry.labelVi;
  };
  const groups = useMemo(() => {
    const map = new Map<string, CrosswalkEntry[]>();
    for (const row of query.data ?? []) {
      const list = map.get(row.fromCode) ?? [];
      list.push(row);
      map.set(row.fromCode, list);
    }
    return [...map.entries()];
  }, [query.data]);

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('classifications.crosswalkDescription')}
      </Text>
      <AppSelect
        label={t('classifications.crosswalkCode')}
        data={(fromScheme.data?.codes ?? []).map((c) => ({
          value: c.code,
          label: `${c.code} – ${i18n.language === 'en' ? c.labelEn || c.labelVi : c.labelVi}`,
        }))}
        value={code || null}
        onChange={(v) => set({ code: v ?? '' }, { resetPage: false })}
        searchable
        clearable
        placeholder={t('classifications.allCodes')}
        w={420}
        maw="100%"
        nothingFoundMessage={t('common.noMatches')}
      />
      {query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <LoadingState />
      ) : groups.length === 0 ? (
        <EmptyState message={t('classifications.crosswalkEmpty')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder verticalSpacing="xs" fz="sm">
            <Table.Caption>
              <VisuallyHidden>{t('classifications.crosswalkTitle')}</VisuallyHidden>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('classifications.fromCode')}</Table.Th>
                <Table.Th scope="col">{t('classifications.relation')}</Table.Th>
                <Table.Th scope="col">{t('classifications.toCode')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groups.map(([fromCode, rows]) => (
                <Fragment key={fromCode}>
                  {rows.map((row, i) => (
                    <Table.Tr key={`${row.fromCode}-${row.toCode}`}>
                      {i === 0 ? (
                        <Table.Th scope="rowgroup" rowSpan={rows.length} fw={500} style={{ verticalAlign: 'top' }}>
                          <code>{fromCode}</code> {label(fromIndex, fromCode)}
                        </Table.Th>
                      ) : null}
                      <Table.Td>
                        <Badge size="sm" variant="light" color={row.relation === 'exact' ? 'green' : 'blue'}>
                          {t(`classifications.relations.${row.relation}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <code>{row.toCode}</code> {label(toIndex, row.toCode)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** The code-list browser: schemes with their metadata, codes as an indented tree, and the FOS2008→FOS2025 crosswalk. */
export function ClassificationsPage() {
  const { t, i18n } = useTranslation();
  const schemes = useSchemes();
  const { get, set } = useSearchState(DEFAULTS);
  const tab = get('tab') === 'crosswalk' ? 'crosswalk' : 'codes';
  const selectedCode = get('scheme') || schemes.data?.[0]?.code || '';
  const selected = schemes.data?.find((s) => s.code === selectedCode) ?? schemes.data?.[0];
  const schemeName = (s: ClassificationScheme) => (i18n.language === 'en' ? s.nameEn || s.nameVi : s.nameVi);

  return (
    <>
      <PageHeader title={t('classifications.title')} description={t('classifications.description')} />
      <Tabs value={tab} onChange={(v) => set({ tab: v ?? 'codes' }, { resetPage: false })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="codes">{t('classifications.tabCodes')}</Tabs.Tab>
          <Tabs.Tab value="crosswalk">{t('classifications.tabCrosswalk')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="codes">
          {schemes.error ? (
            <ErrorAlert error={schemes.error} onRetry={() => void schemes.refetch()} />
          ) : !schemes.data ? (
            <LoadingState />
          ) : schemes.data.length === 0 ? (
            <EmptyState message={t('classifications.noSchemes')} />
          ) : (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 4 }}>
                <Card withBorder padding="xs">
                  <nav aria-label={t('classifications.schemesLabel')}>
                    <Stack gap={2}>
                      {schemes.data.map((s) => (
                        <NavLink
                          key={s.code}
                          component="button"
                          type="button"
                          label={schemeName(s)}
                          description={`${s.code} · ${t('classifications.codeCount', { total: formatNumber(s.codeCount) })}`}
                          active={selected?.code === s.code}
                          aria-current={selected?.code === s.code ? 'true' : undefined}
                          onClick={() => set({ scheme: s.code }, { resetPage: false })}
                        />
                      ))}
                    </Stack>
                  </nav>
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8 }}>
                {selected ? (
                  <Card withBorder>
                    <Group justify="space-between" mb="sm" wrap="wrap">
                      <Title order={2} fz="lg">
                        {schemeName(selected)}
                      </Title>
                      <Badge variant="light">{selected.code}</Badge>
                    </Group>
                    <DetailList
                      items={[
                        { label: t('classifications.version'), value: selected.version },
                        { label: t('classifications.legalBasis'), value: selected.legalBasis },
                        { label: t('classifications.validFrom'), value: formatDate(selected.validFrom) },
                        { label: t('classifications.validTo'), value: formatDate(selected.validTo) || t('orgUnits.current') },
                        { label: t('classifications.note'), value: selected.note },
                      ]}
                    />
                    <Title order={3} fz="md" mt="lg" mb="sm">
                      {t('classifications.codes')}
                    </Title>
                    <SchemeCodes key={selected.code} scheme={selected} />
                  </Card>
                ) : null}
              </Grid.Col>
            </Grid>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="crosswalk">
          <Card withBorder>
            <Title order={2} fz="lg" mb="sm">
              {t('classifications.crosswalkTitle')}
            </Title>
            <CrosswalkView />
          </Card>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
