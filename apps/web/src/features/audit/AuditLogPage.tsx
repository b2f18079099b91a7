import { AUDIT_ENTITY_TYPES, type AuditEntry } from '@stinet/shared';
import { Button, Card, Code, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { AppSelect } from '../../components/AppSelect';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/AppLink';
import { ChangeTable, useActionLabel } from '../../components/ChangeTable';
import { renderRecordValue } from '../../components/HistoryValues';
import { type Column } from '../../components/DataTable';
import { PagedTable } from '../../components/PagedTable';
import { DetailList } from '../../components/DetailList';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { fieldLabeller } from '../../lib/fieldLabel';
import { formatDateTime } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { useUsers } from '../users/api';
import { useAuditLog } from './api';

const PAGE_SIZE = 50;
const DEFAULTS = { entityType: '', entityId: '', actorId: '', action: '', from: '', to: '' };
type EntityType = (typeof AUDIT_ENTITY_TYPES)[number];

const ENTITY_PATHS: Partial<Record<EntityType, string>> = {
  organization: '/staff/organizations',
  researcher: '/staff/researchers',
  org_unit: '/staff/org-units',
  focal_point: '/staff/focal-points',
  task: '/staff/tasks',
};

function isEntityType(value: string): value is EntityType {
  return (AUDIT_ENTITY_TYPES as readonly string[]).includes(value);
}

/** The audit log (national administrators): every change with filters by record, actor, action and period. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const actionLabel = useActionLabel();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  const users = useUsers({ pageSize: 200 });
  const entityTypeParam = get('entityType');
  const entityType = isEntityType(entityTypeParam) ? entityTypeParam : undefined;
  const query = useAuditLog({
    entityType,
    entityId: get('entityId') || undefined,
    actorId: get('actorId') || undefined,
    action: get('action') || undefined,
    from: get('from') || undefined,
    to: get('to') || undefined,
    page,
    pageSize: PAGE_SIZE,
  });

  const entityLabel = (type: string) => (isEntityType(type) ? t(`audit.entityTypes.${type}`) : type);
  const labelFor = (entry: AuditEntry) =>
    entry.entityType === 'researcher'
      ? fieldLabeller('researchers.fields')
      : entry.entityType === 'organization'
        ? fieldLabeller('organizations.fields')
        : entry.entityType === 'task'
          ? fieldLabeller('tasks.fields')
          : (f: string) => f;

  const columns: Column<AuditEntry>[] = [
    { key: 'at', header: t('audit.at'), render: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time>, width: 150 },
    { key: 'actor', header: t('audit.actor'), render: (e) => e.actor?.username ?? t('history.system') },
    { key: 'action', header: t('audit.action'), render: (e) => actionLabel(e.action) },
    { key: 'entityType', header: t('audit.entityType'), render: (e) => entityLabel(e.entityType) },
    {
      key: 'entityId',
      header: t('audit.entityId'),
      render: (e) => {
        if (!e.entityId) return '—';
        const base = isEntityType(e.entityType) ? ENTITY_PATHS[e.entityType] : undefined;
        const short = e.entityId.length > 13 ? `${e.entityId.slice(0, 8)}…` : e.entityId;
        return base ? (
          <AppLink to={`${base}/${e.entityId}`} aria-label={t('audit.openEntity', { type: entityLabel(e.entityType), id: e.entityId })}>
            {short}
          </AppLink>
        ) : (
          <span title={e.entityId}>{short}</span>
        );
      },
    },
    {
      key: 'fields',
      header: t('audit.changedFields'),
      render: (e) => (
        <Text size="sm" lineClamp={2} maw={280}>
          {e.changedFields.map(labelFor(e)).join(', ') || '—'}
        </Text>
      ),
    },
    {
      key: 'details',
      header: t('common.actions'),
      render: (e) => (
        <Button size="compact-sm" variant="light" onClick={() => setSelected(e)} aria-label={t('audit.showDetailsAt', { at: formatDateTime(e.at) })}>
          {t('audit.details')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Card withBorder mb="md">
        <Group align="flex-end" wrap="wrap">
          <AppSelect
            label={t('audit.entityType')}
            data={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: t(`audit.entityTypes.${type}`) }))}
            value={entityType ?? null}
            onChange={(v) => set({ entityType: v ?? '' })}
            clearable
            placeholder={t('audit.allTypes')}
            w={220}
          />
          <SearchInput label={t('audit.entityId')} value={get('entityId')} onSearch={(v) => set({ entityId: v })} w={240} />
          <AppSelect
            label={t('audit.actor')}
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            value={get('actorId') || null}
            onChange={(v) => set({ actorId: v ?? '' })}
            searchable
            clearable
            placeholder={users.isPending ? t('common.loading') : t('audit.allActors')}
            nothingFoundMessage={t('common.noMatches')}
            w={240}
          />
          <SearchInput label={t('audit.action')} value={get('action')} onSearch={(v) => set({ action: v })} w={160} />
          <TextInput type="date" label={t('audit.from')} value={get('from')} onChange={(e) => set({ from: e.currentTarget.value })} w={170} />
          <TextInput type="date" label={t('audit.to')} value={get('to')} onChange={(e) => set({ to: e.currentTarget.value })} w={170} />
          <Button
            variant="default"
            onClick={() => set({ entityType: '', entityId: '', actorId: '', action: '', from: '', to: '' })}
          >
            {t('common.clearFilters')}
          </Button>
        </Group>
      </Card>
      <Card withBorder>
        <PagedTable
          caption={t('audit.title')}
          columns={columns}
          rowKey={(e) => e.id}
          query={query}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          emptyMessage={t('audit.empty')}
          minWidth={960}
        />
      </Card>
      <Modal opened={selected !== null} onClose={() => setSelected(null)} title={t('audit.detailsTitle')} size="xl">
        {selected ? (
          <Stack gap="md">
            <DetailList
              cols={3}
              items={[
                { label: t('audit.at'), value: formatDateTime(selected.at) },
                { label: t('audit.actor'), value: selected.actor?.username ?? t('history.system') },
                { label: t('audit.action'), value: actionLabel(selected.action) },
                { label: t('audit.entityType'), value: entityLabel(selected.entityType) },
                { label: t('audit.entityId'), value: selected.entityId ? <Code>{selected.entityId}</Code> : null },
                { label: t('audit.ip'), value: selected.ip },
              ]}
            />
            <ChangeTable entry={selected} fieldLabel={labelFor(selected)} renderValue={renderRecordValue} />
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
