import { ApiTokenCreate, type ApiToken } from '@stinet/shared';
import { Alert, Badge, Button, Card, Code, CopyButton, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiTokenCreated } from '../../api/types';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { apiFieldErrors, blankToNull, type FieldErrors, zodFieldErrors } from '../../lib/form';
import { formatDateTime, today } from '../../lib/format';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './api';

function tokenStatus(token: ApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() < Date.now()) return 'expired';
  return 'active';
}

/** The signed-in user's API tokens: create (the secret is shown once) and revoke. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const [name, setName] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiToken | null>(null);

  const onCreate = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = ApiTokenCreate.safeParse({ name, expiresOn: blankToNull(expiresOn) });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    try {
      const result = await create.mutateAsync(parsed.data);
      setCreated(result);
      setName('');
      setExpiresOn('');
    } catch (error) {
      setErrors(apiFieldErrors(error));
    }
  };

  const onRevoke = async () => {
    if (!toRevoke) return;
    try {
      await revoke.mutateAsync(toRevoke.id);
      notifications.show({ color: 'green', message: t('tokens.revoked', { name: toRevoke.name }) });
      setToRevoke(null);
    } catch {
      // The error is shown inside the dialog.
    }
  };

  const columns: Column<ApiToken>[] = [
    { key: 'name', header: t('tokens.name'), render: (row) => row.name, isRowHeader: true },
    { key: 'prefix', header: t('tokens.prefix'), render: (row) => <Code>{row.prefix}…</Code> },
    { key: 'createdAt', header: t('tokens.createdAt'), render: (row) => formatDateTime(row.createdAt) },
    { key: 'lastUsedAt', header: t('tokens.lastUsedAt'), render: (row) => formatDateTime(row.lastUsedAt) || t('tokens.neverUsed') },
    { key: 'expiresAt', header: t('tokens.expiresAt'), render: (row) => formatDateTime(row.expiresAt) || t('tokens.noExpiry') },
    {
      key: 'status',
      header: t('tokens.status'),
      render: (row) => {
        const status = tokenStatus(row);
        return (
          <Badge color={status === 'active' ? 'green' : 'gray'} variant="light">
            {t(`tokens.statuses.${status}`)}
          </Badge>
        );
      },
    },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (row) =>
        tokenStatus(row) === 'active' ? (
          <Button
            size="compact-sm"
            color="red"
            variant="light"
            onClick={() => {
              revoke.reset();
              setToRevoke(row);
            }}
            aria-label={t('tokens.revokeNamed', { name: row.name })}
          >
            {t('tokens.revoke')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('tokens.title')} description={t('tokens.description')} />
      <Stack gap="lg">
        <Card withBorder>
          <form onSubmit={(e) => void onCreate(e)} noValidate>
            <Stack gap="sm">
              <Title order={2} fz="lg">
                {t('tokens.createTitle')}
              </Title>
              {create.error ? <ErrorAlert error={create.error} /> : null}
              <Group align="flex-start" wrap="wrap">
                <TextInput
                  label={t('tokens.name')}
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors.name}
                  required
                  w={320}
                />
                <TextInput
                  type="date"
                  label={t('tokens.expiresOn')}
                  description={t('tokens.expiresOnHint')}
                  value={expiresOn}
                  min={today()}
                  onChange={(e) => setExpiresOn(e.currentTarget.value)}
                  error={errors.expiresOn}
                  w={220}
                />
              </Group>
              <Group>
                <Button type="submit" loading={create.isPending}>
                  {t('tokens.create')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>

        {created ? (
          <Alert color="green" title={t('tokens.createdTitle', { name: created.name })} role="status">
            <Stack gap="xs">
              <Text size="sm">{t('tokens.copyNow')}</Text>
              <Code block className="secret-token" aria-label={t('tokens.secret')}>
                {created.token}
              </Code>
              <Group>
                <CopyButton value={created.token}>
                  {({ copied, copy }) => (
                    <Button size="xs" variant={copied ? 'filled' : 'light'} color="green" onClick={copy}>
                      {copied ? t('tokens.copied') : t('tokens.copy')}
                    </Button>
                  )}
                </CopyButton>
                <Button size="xs" variant="subtle" onClick={() => setCreated(null)}>
                  {t('tokens.hideSecret')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        ) : null}

        <Card withBorder>
          <Title order={2} fz="lg" mb="sm">
            {t('tokens.listTitle')}
          </Title>
          <DataTable
            caption={t('tokens.listTitle')}
            columns={columns}
            rows={tokens.data}
            rowKey={(row) => row.id}
            isLoading={tokens.isPending}
            error={tokens.error}
            onRetry={() => void tokens.refetch()}
            emptyMessage={t('tokens.empty')}
          />
        </Card>
      </Stack>

      <Modal opened={toRevoke !== null} onClose={() => setToRevoke(null)} title={t('tokens.revokeTitle')}>
        <Stack>
          <Text size="sm">{t('tokens.revokeConfirm', { name: toRevoke?.name ?? '' })}</Text>
          {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setToRevoke(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => void onRevoke()}>
              {t('tokens.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

