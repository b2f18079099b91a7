import { ROLES, UserCreate, UserUpdate, type Role, type User } from '@stinet/shared';
import { Badge, Button, Card, Group, PasswordInput, SimpleGrid, Switch, TextInput } from '@mantine/core';
import { AppSelect } from '../../components/AppSelect';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Column } from '../../components/DataTable';
import { FormModal } from '../../components/FormLayout';
import { PagedTable } from '../../components/PagedTable';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import { useUnitName } from '../../components/UnitName';
import { UnitSelect } from '../../components/UnitSelect';
import { blankToNull, type FieldErrors } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { useSearchState } from '../../lib/useSearchState';
import { useValidatedForm } from '../../lib/useValidatedForm';
import { useCreateUser, useUpdateUser, useUsers } from './api';

const PAGE_SIZE = 25;
const DEFAULTS = { q: '', role: '' };

interface UserValues {
  username: string;
  displayName: string;
  email: string;
  password: string;
  role: Role;
  scopeUnitId: string | null;
  organizationId: string | null;
  locale: 'vi' | 'en';
  isActive: boolean;
}

function valuesOf(user: User | null): UserValues {
  return {
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    password: '',
    role: user?.role ?? 'focal_officer',
    scopeUnitId: user?.scopeUnit?.id ?? null,
    organizationId: user?.organization?.id ?? null,
    locale: user?.locale ?? 'vi',
    isActive: user?.isActive ?? true,
  };
}

function isRole(value: string | null): value is Role {
  return value !== null && (ROLES as readonly string[]).includes(value);
}

/** A dialog to create a user or change one (role, scope unit or organization, activation, password). */
function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const update = useUpdateUser();
  const mutation = user ? update : create;
  const { values, set, errors, submit } = useValidatedForm<UserValues>(() => valuesOf(user));
  const usesUnit = values.role === 'focal_officer' || values.role === 'reviewer';
  const usesOrganization = values.role === 'org_reporter';

  const onSubmit = async () => {
    const common = {
      displayName: values.displayName.trim(),
      email: blankToNull(values.email),
      role: values.role,
      scopeUnitId: usesUnit ? values.scopeUnitId : null,
      organizationId: usesOrganization ? values.organizationId : null,
      locale: values.locale,
    };
    const fieldErrors: FieldErrors = {};
    if (values.role === 'focal_officer' && !values.scopeUnitId) fieldErrors.scopeUnitId = t('validation.required');
    if (values.role === 'org_reporter' && !values.organizationId) fieldErrors.organizationId = t('validation.required');
    const saved = user
      ? await submit(
          UserUpdate,
          { ...common, isActive: values.isActive, ...(values.password ? { password: values.password } : {}) },
          async (body) => {
            await update.mutateAsync({ id: user.id, body });
          },
          fieldErrors,
        )
      : await submit(
          UserCreate,
          { ...common, username: values.username.trim(), password: values.password },
          async (body) => {
            await create.mutateAsync(body);
          },
          fieldErrors,
        );
    if (!saved) return;
    notifications.show({ color: 'green', message: t('common.saved') });
    onClose();
  };

  return (
    <FormModal
      opened
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.username }) : t('users.createTitle')}
      size="lg"
      onSubmit={onSubmit}
      error={mutation.error}
      submitting={mutation.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('users.username')}
          description={user ? undefined : t('users.usernameHint')}
          value={values.username}
          onChange={(e) => set('username', e.currentTarget.value)}
          disabled={user !== null}
          required={user === null}
          error={errors.username}
          autoComplete="off"
        />
        <TextInput label={t('users.displayName')} value={values.displayName} onChange={(e) => set('displayName', e.currentTarget.value)} required error={errors.displayName} />
        <TextInput type="email" label={t('users.email')} value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={errors.email} />
        <PasswordInput
          label={user ? t('users.newPassword') : t('users.password')}
          description={t('users.passwordHint')}
          value={values.password}
          onChange={(e) => set('password', e.currentTarget.value)}
          required={user === null}
          error={errors.password}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.togglePassword') }}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <AppSelect
          label={t('users.role')}
          data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          value={values.role}
          onChange={(v) => {
            if (isRole(v)) set('role', v);
          }}
          allowDeselect={false}
          required
          error={errors.role}
        />
        <AppSelect
          label={t('users.locale')}
          data={[
            { value: 'vi', label: t('language.vi') },
            { value: 'en', label: t('language.en') },
          ]}
          value={values.locale}
          onChange={(v) => set('locale', v === 'en' ? 'en' : 'vi')}
          allowDeselect={false}
        />
      </SimpleGrid>
      {usesUnit ? (
        <UnitSelect
          label={t('users.scopeUnit')}
          description={values.role === 'reviewer' ? t('users.scopeUnitReviewerHint') : t('users.scopeUnitHint')}
          value={values.scopeUnitId}
          onChange={(v) => set('scopeUnitId', v)}
          kinds={values.role === 'reviewer' ? ['national', 'ministry', 'province'] : ['ministry', 'province']}
          required={values.role === 'focal_officer'}
          error={errors.scopeUnitId}
        />
      ) : null}
      {usesOrganization ? (
        <OrganizationSelect
          label={t('users.organization')}
          value={values.organizationId}
          onChange={(v) => set('organizationId', v)}
          initialOption={user?.organization ? { value: user.organization.id, label: user.organization.nameVi } : null}
          required
          error={errors.organizationId}
        />
      ) : null}
      {user ? <Switch label={t('users.isActive')} checked={values.isActive} onChange={(e) => set('isActive', e.currentTarget.checked)} /> : null}
    </FormModal>
  );
}

/** User administration (national administrators): list with search and role filter, create and change users. */
export function UsersPage() {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const { get, set, page, setPage } = useSearchState(DEFAULTS);
  const roleParam = get('role');
  const role = isRole(roleParam) ? roleParam : undefined;
  const query = useUsers({ q: get('q') || undefined, role, page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);

  const columns: Column<User>[] = [
    { key: 'username', header: t('users.username'), render: (u) => u.username, isRowHeader: true },
    { key: 'displayName', header: t('users.displayName'), render: (u) => u.displayName },
    { key: 'role', header: t('users.role'), render: (u) => t(`roles.${u.role}`) },
    {
      key: 'scope',
      header: t('users.scope'),
      render: (u) => (u.scopeUnit ? unitName(u.scopeUnit) : u.organization ? u.organization.nameVi : t('staff.scopeNational')),
    },
    {
      key: 'status',
      header: t('users.status'),
      render: (u) => (
        <Badge size="sm" variant="light" color={u.isActive ? 'green' : 'gray'}>
          {u.isActive ? t('users.active') : t('users.inactive')}
        </Badge>
      ),
    },
    { key: 'lastLogin', header: t('users.lastLoginAt'), render: (u) => formatDateTime(u.lastLoginAt) || t('users.neverLoggedIn') },
    {
      key: 'actions',
      header: t('common.actions'),
      render: (u) => (
        <Button size="compact-sm" variant="light" onClick={() => setEditing({ user: u })} aria-label={t('users.editNamed', { name: u.username })}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={<Button onClick={() => setEditing({ user: null })}>{t('users.create')}</Button>}
      />
      <Card withBorder mb="md">
        <Group align="flex-end" wrap="wrap">
          <SearchInput label={t('users.search')} value={get('q')} onSearch={(v) => set({ q: v })} />
          <AppSelect
            label={t('users.filterRole')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={role ?? null}
            onChange={(v) => set({ role: v ?? '' })}
            clearable
            placeholder={t('users.allRoles')}
            w={260}
          />
        </Group>
      </Card>
      <Card withBorder>
        <PagedTable
          caption={t('users.title')}
          columns={columns}
          rowKey={(u) => u.id}
          query={query}
          page={page}
          pageSize={PAGE_SIZE}
          onPageChange={setPage}
          emptyMessage={t('users.empty')}
          minWidth={900}
        />
      </Card>
      {editing ? <UserFormModal user={editing.user} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
