import { TASK_FUNDING_TYPES, TaskCreate, TaskUpdate, type TaskFull } from '@stinet/shared';
import { Alert, Button, Checkbox, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../api/auth';
import { AppSelect } from '../../components/AppSelect';
import { CodeMultiSelect, CodeSelect } from '../../components/CodeSelect';
import { RecordFormFrame } from '../../components/FormLayout';
import { OrganizationSelect } from '../../components/OrganizationSelect';
import type { RecordFormProps } from '../../components/RecordStaffView';
import { UnitSelect } from '../../components/UnitSelect';
import { useAllOrgUnits } from '../org-units/api';
import { blankToNull } from '../../lib/form';
import { today } from '../../lib/format';
import { useRecordForm } from '../../lib/useRecordForm';
import { levelForUnitKind, unitKindsForLevel } from './rules';

type FundingType = (typeof TASK_FUNDING_TYPES)[number];
type MemberRole = 'member' | 'secretary';

/** One row of the team list (`key` only tells rows apart while editing). */
interface MemberValues {
  key: number;
  fullName: string;
  role: MemberRole;
  researcherId: string | null;
}

/** The editable values of form Mẫu 1 (text inputs hold strings, number inputs numbers or '', selects a value or null). */
export interface TaskValues {
  code: string;
  titleVi: string;
  titleEn: string;
  levelCode: string | null;
  formCode: string | null;
  programme: string;
  fundingType: FundingType | null;
  approvalDecisionNo: string;
  approvalDecisionDate: string;
  contractNo: string;
  contractDate: string;
  managingUnitId: string | null;
  leadOrganizationId: string | null;
  piName: string;
  members: MemberValues[];
  fieldCodes2025: string[];
  fieldCodes2008: string[];
  seoCode: string | null;
  startDate: string;
  endDate: string;
  budgetTotal: number | string;
  budgetStateCentral: number | string;
  budgetStateLocal: number | string;
  budgetOther: number | string;
  objectives: string;
  content: string;
  methods: string;
  expectedProducts: string;
  applicationPlan: string;
  isStateSecret: boolean;
}

type TextKey = 'code' | 'titleVi' | 'titleEn' | 'programme' | 'approvalDecisionNo' | 'approvalDecisionDate' | 'contractNo' | 'contractDate' | 'piName' | 'startDate' | 'endDate';
type LongTextKey = 'objectives' | 'content' | 'methods' | 'expectedProducts' | 'applicationPlan';
type MoneyKey = 'budgetTotal' | 'budgetStateCentral' | 'budgetStateLocal' | 'budgetOther';

const TEXT_KEYS: TextKey[] = ['code', 'titleVi', 'titleEn', 'programme', 'approvalDecisionNo', 'approvalDecisionDate', 'contractNo', 'contractDate', 'piName', 'startDate', 'endDate'];
const LONG_TEXT_KEYS: LongTextKey[] = ['objectives', 'content', 'methods', 'expectedProducts', 'applicationPlan'];
const MONEY_KEYS: MoneyKey[] = ['budgetTotal', 'budgetStateCentral', 'budgetStateLocal', 'budgetOther'];

let memberKeys = 0;
const nextMemberKey = () => ++memberKeys;

function valuesOf(task: TaskFull | null): TaskValues {
  const money = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);
  return {
    code: task?.code ?? '',
    titleVi: task?.titleVi ?? '',
    titleEn: task?.titleEn ?? '',
    levelCode: task?.levelCode ?? null,
    formCode: task?.formCode ?? null,
    programme: task?.programme ?? '',
    fundingType: task?.fundingType ?? null,
    approvalDecisionNo: task?.approvalDecisionNo ?? '',
    approvalDecisionDate: task?.approvalDecisionDate ?? '',
    contractNo: task?.contractNo ?? '',
    contractDate: task?.contractDate ?? '',
    managingUnitId: task?.managingUnit.id ?? null,
    leadOrganizationId: task?.leadOrganization.id ?? null,
    piName: task?.piName ?? '',
    members: (task?.members ?? []).map((m) => ({ key: nextMemberKey(), fullName: m.fullName, role: m.role, researcherId: m.researcherId })),
    fieldCodes2025: task?.fieldCodes2025 ?? [],
    fieldCodes2008: task?.fieldCodes2008 ?? [],
    seoCode: task?.seoCode ?? null,
    startDate: task?.startDate ?? '',
    endDate: task?.endDate ?? '',
    budgetTotal: money(task?.budgetTotal),
    budgetStateCentral: money(task?.budgetStateCentral),
    budgetStateLocal: money(task?.budgetStateLocal),
    budgetOther: money(task?.budgetOther),
    objectives: task?.objectives ?? '',
    content: task?.content ?? '',
    methods: task?.methods ?? '',
    expectedProducts: task?.expectedProducts ?? '',
    applicationPlan: task?.applicationPlan ?? '',
    isStateSecret: false,
  };
}

/** The request body of the form values: blank text and amounts as null, members without their row keys. */
function payloadOf(v: TaskValues): Record<string, unknown> {
  const payload: Record<string, unknown> = {
    levelCode: v.levelCode,
    formCode: v.formCode,
    fundingType: v.fundingType,
    managingUnitId: v.managingUnitId,
    leadOrganizationId: v.leadOrganizationId,
    members: v.members.map((m) => ({ fullName: m.fullName.trim(), researcherId: m.researcherId, role: m.role })),
    fieldCodes2025: v.fieldCodes2025,
    fieldCodes2008: v.fieldCodes2008,
    seoCode: v.seoCode,
    isStateSecret: v.isStateSecret,
  };
  for (const key of [...TEXT_KEYS, ...LONG_TEXT_KEYS]) payload[key] = blankToNull(v[key]);
  for (const key of MONEY_KEYS) payload[key] = v[key] === '' ? null : Number(v[key]);
  return payload;
}

/** Props of {@link TaskForm}. */
export type TaskFormProps = RecordFormProps<TaskFull, TaskCreate, TaskUpdate>;

/**
 * The task form (Mẫu 1, ongoing S&T task), grouped like the paper form: identification, lead organization and team,
 * classification, schedule and budget, content; a new task also asks whether it is on the state-secret list (such
 * tasks are refused, and the form warns as soon as the box is ticked). The registering units offered follow the
 * management level; a focal officer's own unit and a reporter's own organization are filled in.
 */
export function TaskForm({ initial, onSubmit, submitting, error, onReload, onCancel }: TaskFormProps) {
  const { t, i18n } = useTranslation();
  const { user } = useAuth();
  const units = useAllOrgUnits(today());
  const reporterOrg = user?.role === 'org_reporter' && user.organization ? { value: user.organization.id, label: user.organization.nameVi } : null;
  const initialOrg = initial ? { value: initial.leadOrganization.id, label: initial.leadOrganization.nameVi } : reporterOrg;
  const { values, set, setValues, errors, hasErrors, handleSubmit } = useRecordForm({
    initial,
    valuesOf,
    prefill: (v) => {
      if (initial) return v;
      const scope = user?.role === 'focal_officer' ? user.scopeUnit : null;
      return {
        ...v,
        levelCode: scope ? levelForUnitKind(scope.kind) : v.levelCode,
        managingUnitId: scope ? scope.id : v.managingUnitId,
        leadOrganizationId: initialOrg?.value ?? null,
      };
    },
    payloadOf,
    createSchema: TaskCreate,
    updateSchema: TaskUpdate,
    onSubmit,
    onCancel,
  });

  const errorAt = (prefix: string): string | undefined => {
    if (errors[prefix]) return errors[prefix];
    const key = Object.keys(errors).find((k) => k.startsWith(`${prefix}.`));
    return key ? errors[key] : undefined;
  };

  const unitKinds = unitKindsForLevel(values.levelCode);
  const onLevelChange = (levelCode: string | null) => {
    set('levelCode', levelCode);
    const unit = units.data?.find((u) => u.id === values.managingUnitId);
    if (unit && !unitKindsForLevel(levelCode).includes(unit.kind)) set('managingUnitId', null);
  };

  const setMember = (key: number, change: Partial<MemberValues>) =>
    setValues((v) => ({ ...v, members: v.members.map((m) => (m.key === key ? { ...m, ...change } : m)) }));
  const addMember = () => setValues((v) => ({ ...v, members: [...v.members, { key: nextMemberKey(), fullName: '', role: 'member', researcherId: null }] }));
  const removeMember = (key: number) => setValues((v) => ({ ...v, members: v.members.filter((m) => m.key !== key) }));

  const text = (key: TextKey, extra: { required?: boolean; type?: string; description?: string } = {}) => (
    <TextInput
      label={t(`tasks.fields.${key}`)}
      description={extra.description}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[key]}
      required={extra.required}
      type={extra.type}
      autoComplete="off"
    />
  );
  const longText = (key: LongTextKey, required = false) => (
    <Textarea
      label={t(`tasks.fields.${key}`)}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={errors[key]}
      required={required}
      autosize
      minRows={3}
      maxRows={14}
    />
  );
  const money = (key: MoneyKey) => (
    <NumberInput
      label={t(`tasks.fields.${key}`)}
      value={values[key]}
      onChange={(v) => set(key, v)}
      error={errors[key]}
      min={0}
      decimalScale={3}
      thousandSeparator={i18n.language === 'en' ? ',' : '.'}
      decimalSeparator={i18n.language === 'en' ? '.' : ','}
      hideControls
    />
  );

  return (
    <RecordFormFrame
      label={initial ? t('tasks.editTitle') : t('tasks.createTitle')}
      onSubmit={handleSubmit}
      error={error}
      hasErrors={hasErrors}
      onReload={onReload}
      submitting={submitting}
      onCancel={onCancel}
    >
      <Fieldset legend={t('tasks.groups.identification')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>{text('code', { required: true })}</SimpleGrid>
          {text('titleVi', { required: true })}
          {text('titleEn')}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <CodeSelect
              scheme="TASK_LEVEL"
              label={t('tasks.fields.levelCode')}
              value={values.levelCode}
              onChange={onLevelChange}
              required
              error={errors.levelCode}
            />
            <CodeSelect scheme="TASK_FORM" label={t('tasks.fields.formCode')} value={values.formCode} onChange={(v) => set('formCode', v)} required error={errors.formCode} />
            <AppSelect
              label={t('tasks.fields.fundingType')}
              data={TASK_FUNDING_TYPES.map((f) => ({ value: f, label: t(`tasks.fundingTypes.${f}`) }))}
              value={values.fundingType}
              onChange={(v) => set('fundingType', (TASK_FUNDING_TYPES as readonly string[]).includes(v ?? '') ? (v as FundingType) : null)}
              placeholder={t('common.choose')}
              required
              error={errors.fundingType}
            />
          </SimpleGrid>
          {text('programme')}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('approvalDecisionNo')}
            {text('approvalDecisionDate', { type: 'date' })}
            {text('contractNo')}
            {text('contractDate', { type: 'date', description: t('tasks.contractDateHint') })}
          </SimpleGrid>
          <UnitSelect
            label={t('tasks.fields.managingUnitId')}
            value={values.managingUnitId}
            onChange={(v) => set('managingUnitId', v)}
            kinds={unitKinds}
            asOf={today()}
            required
            error={errors.managingUnitId}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t('tasks.groups.team')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OrganizationSelect
              label={t('tasks.fields.leadOrganizationId')}
              value={values.leadOrganizationId}
              onChange={(v) => set('leadOrganizationId', v)}
              initialOption={initialOrg}
              required
              disabled={user?.role === 'org_reporter'}
              error={errors.leadOrganizationId}
            />
            {text('piName', { required: true })}
          </SimpleGrid>
          <Stack gap="xs" role="group" aria-labelledby="task-members-label">
            <Text size="sm" fw={500} id="task-members-label">
              {t('tasks.fields.members')}
            </Text>
            {values.members.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('tasks.noMembers')}
              </Text>
            ) : null}
            {values.members.map((m, i) => (
              <Group key={m.key} align="flex-start" wrap="wrap" gap="sm">
                <TextInput
                  label={t('tasks.memberName', { n: i + 1 })}
                  value={m.fullName}
                  onChange={(e) => setMember(m.key, { fullName: e.currentTarget.value })}
                  error={errorAt(`members.${i}`)}
                  required
                  autoComplete="off"
                  style={{ flex: '1 1 260px' }}
                />
                <AppSelect
                  label={t('tasks.memberRole', { n: i + 1 })}
                  data={(['member', 'secretary'] as const).map((r) => ({ value: r, label: t(`tasks.memberRoles.${r}`) }))}
                  value={m.role}
                  onChange={(v) => setMember(m.key, { role: v === 'secretary' ? 'secretary' : 'member' })}
                  allowDeselect={false}
                  w={200}
                />
                <Button variant="subtle" color="red" mt={24} onClick={() => removeMember(m.key)} aria-label={t('tasks.removeMember', { n: i + 1 })}>
                  {t('tasks.remove')}
                </Button>
              </Group>
            ))}
            {errors.members ? (
              <Text size="sm" c="red">
                {errors.members}
              </Text>
            ) : null}
            <div>
              <Button variant="light" size="xs" onClick={addMember}>
                {t('tasks.addMember')}
              </Button>
            </div>
          </Stack>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('tasks.groups.classification')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CodeMultiSelect
            scheme="FOS2025"
            label={t('tasks.fields.fieldCodes2025')}
            value={values.fieldCodes2025}
            onChange={(v) => set('fieldCodes2025', v)}
            withCode
            required
            maxValues={10}
            error={errorAt('fieldCodes2025')}
          />
          <CodeMultiSelect
            scheme="FOS2008"
            label={t('tasks.fields.fieldCodes2008')}
            value={values.fieldCodes2008}
            onChange={(v) => set('fieldCodes2008', v)}
            withCode
            maxValues={10}
            error={errorAt('fieldCodes2008')}
          />
          <CodeSelect scheme="SEO" withCode label={t('tasks.fields.seoCode')} value={values.seoCode} onChange={(v) => set('seoCode', v)} error={errors.seoCode} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t('tasks.groups.schedule')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('startDate', { required: true, type: 'date' })}
            {text('endDate', { required: true, type: 'date' })}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>{MONEY_KEYS.map((key) => <div key={key}>{money(key)}</div>)}</SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t('tasks.groups.content')}>
        <Stack gap="sm">
          {longText('objectives', true)}
          {longText('content', true)}
          {longText('methods')}
          {longText('expectedProducts', true)}
          {longText('applicationPlan')}
        </Stack>
      </Fieldset>

      {initial ? null : (
        <Fieldset legend={t('tasks.groups.secret')}>
          <Stack gap="sm">
            <Checkbox label={t('tasks.fields.isStateSecret')} checked={values.isStateSecret} onChange={(e) => set('isStateSecret', e.currentTarget.checked)} />
            {values.isStateSecret ? (
              <Alert role="alert" color="red" variant="light" title={t('tasks.secretWarningTitle')}>
                {t('tasks.secretWarning')}
              </Alert>
            ) : null}
          </Stack>
        </Fieldset>
      )}
    </RecordFormFrame>
  );
}
