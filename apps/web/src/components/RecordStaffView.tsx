import { Badge, Box, Button, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { fieldLabeller } from '../lib/fieldLabel';
import { useRecordHistory, type RecordResource } from '../lib/recordHistory';
import { HistoryList } from './ChangeTable';
import { ErrorAlert } from './ErrorAlert';
import { renderRecordValue } from './HistoryValues';
import { PageHeader } from './PageHeader';
import { LoadingState } from './States';

/** What {@link RecordStaffView} needs of a record's full (staff) shape. */
export interface StaffRecord {
  id: string;
  code: string;
  /** The version read, sent back with a change (optimistic locking). */
  version: number;
  /** Whether the signed-in user may change the record. */
  canEdit: boolean;
}

/** Props of a record form that both creates (`initial` null) and edits a record; `C` and `U` are the create and change bodies. */
export interface RecordFormProps<R, C, U> {
  /** The record to edit; null to create a new one. */
  initial: R | null;
  /** Sends the body (create: all fields; edit: changed fields and version). Rejects with the API error. */
  onSubmit: (body: C | U) => Promise<void>;
  submitting: boolean;
  error: unknown;
  /** Reloads the record after a version conflict. */
  onReload?: () => void;
  onCancel?: () => void;
}

/** A further tab of a record's staff view (e.g. a workflow step), shown after the details tab. */
export interface RecordExtraTab {
  /** The tab's value (unique among the tabs; not `details` or `history`). */
  value: string;
  label: string;
  /** The tab's content (rendered only while the tab is open). */
  panel: ReactNode;
}

/** Props of {@link RecordStaffView}. */
export interface RecordStaffViewProps<R extends StaffRecord, C, U> {
  /** The kind of record: its public and staff paths, texts (`<resource>.tabDetails`, `.editTitle`) and history. */
  resource: RecordResource;
  /** The record id from the route. */
  id: string | undefined;
  /** The query of the full record. */
  query: { data: R | undefined; error: unknown; refetch: () => Promise<unknown> };
  /** The change mutation (reset when editing starts or stops and on reload). */
  update: { mutateAsync: (body: U) => Promise<unknown>; reset: () => void; isPending: boolean; error: unknown };
  /** The page title (the record's name). */
  title: (record: R) => string;
  /** The line under the title, if any. */
  description: (record: R) => string | undefined;
  /** The record's details, shown in the details tab when not editing. */
  details: (record: R) => ReactNode;
  /** The record's form, shown in the details tab when editing. */
  form: ComponentType<RecordFormProps<R, C, U>>;
  /** Whether the record has a public page to link to (default: always). */
  hasPublicPage?: (record: R) => boolean;
  /** More badges after the editable/read-only one (e.g. a workflow status). */
  badges?: (record: R) => ReactNode;
  /** More header actions after Edit, shown while not editing (e.g. workflow steps). */
  actions?: (record: R) => ReactNode;
  /** Shown between the header and the tabs (e.g. deadlines or a reviewer's comment). */
  summary?: (record: R) => ReactNode;
  /** Renders history values readably (default: {@link renderRecordValue}). */
  renderHistoryValue?: (field: string, value: unknown) => ReactNode | undefined;
  /** More tabs after the details tab (before the history tab); `?tab=<value>` in the address opens one. */
  extraTabs?: (record: R) => RecordExtraTab[];
}

/**
 * The staff view of a record (organization, researcher or task): header with the code, an editable/read-only badge
 * and any further badges, links back to the list and to the public page and any further actions; an optional summary;
 * a details tab that switches to the edit form when allowed (the form is remounted on each new version, after a save
 * or a reload); any further tabs (`extraTabs`); and a paged change-history tab loaded when opened.
 */
export function RecordStaffView<R extends StaffRecord, C, U>({
  resource,
  id,
  query,
  update,
  title,
  description,
  details,
  form: Form,
  hasPublicPage = () => true,
  badges,
  actions,
  summary,
  renderHistoryValue = renderRecordValue,
  extraTabs,
}: RecordStaffViewProps<R, C, U>) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const [tab, setTab] = useState<string | null>(() => searchParams.get('tab') ?? 'details');
  const [editing, setEditing] = useState(false);
  const [historyPage, setHistoryPage] = useState(1);
  const history = useRecordHistory(resource, tab === 'history' ? id : undefined, historyPage);

  if (query.error) {
    return (
      <Stack>
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        {id ? (
          <Group>
            <Button component={Link} to={`/${resource}/${id}`} variant="default">
              {t('organizations.publicView')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }
  if (!query.data) return <LoadingState />;
  const record = query.data;
  const tabs = extraTabs?.(record) ?? [];
  // a tab asked for in the address (`?tab=`) or one that is no longer offered falls back to the details
  const activeTab = tab === 'history' || tabs.some((extra) => extra.value === tab) ? tab : 'details';

  return (
    <>
      <PageHeader
        eyebrow={
          <Group gap="xs" component="span">
            <span>{record.code}</span>
            <Badge size="sm" variant="light" color={record.canEdit ? 'green' : 'gray'}>
              {record.canEdit ? t('organizations.editable') : t('organizations.readOnly')}
            </Badge>
            {badges?.(record)}
          </Group>
        }
        title={title(record)}
        description={description(record)}
        actions={
          <>
            <Button component={Link} to={`/staff/${resource}`} variant="default">
              {t('common.backToList')}
            </Button>
            {hasPublicPage(record) ? (
              <Button component={Link} to={`/${resource}/${record.id}`} variant="default">
                {t('organizations.publicView')}
              </Button>
            ) : null}
            {record.canEdit && !editing ? (
              <Button
                onClick={() => {
                  update.reset();
                  setTab('details');
                  setEditing(true);
                }}
              >
                {t('common.edit')}
              </Button>
            ) : null}
            {!editing ? actions?.(record) : null}
          </>
        }
      />
      {summary ? <Box mb="md">{summary(record)}</Box> : null}
      <Tabs value={activeTab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details">{t(`${resource}.tabDetails`)}</Tabs.Tab>
          {tabs.map((extra) => (
            <Tabs.Tab key={extra.value} value={extra.value}>
              {extra.label}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="history">{t('history.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <Card withBorder>
            {editing ? (
              <>
                <Title order={2} fz="lg" mb="md">
                  {t(`${resource}.editTitle`)}
                </Title>
                <Form
                  key={`${record.id}-${record.version}`}
                  initial={record}
                  submitting={update.isPending}
                  error={update.error}
                  onReload={() => {
                    update.reset();
                    void query.refetch();
                  }}
                  onCancel={() => {
                    update.reset();
                    setEditing(false);
                  }}
                  onSubmit={async (body) => {
                    await update.mutateAsync(body as U);
                    notifications.show({ color: 'green', message: t('common.saved') });
                    setEditing(false);
                  }}
                />
              </>
            ) : (
              details(record)
            )}
          </Card>
        </Tabs.Panel>
        {tabs.map((extra) => (
          <Tabs.Panel key={extra.value} value={extra.value}>
            {extra.panel}
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="history">
          <Card withBorder>
            <Text size="sm" c="dimmed" mb="sm">
              {t('history.description')}
            </Text>
            <HistoryList
              data={history.data}
              isLoading={history.isPending}
              error={history.error}
              onRetry={() => void history.refetch()}
              page={historyPage}
              onPageChange={setHistoryPage}
              renderValue={renderHistoryValue}
              fieldLabel={fieldLabeller(`${resource}.fields`)}
            />
          </Card>
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
