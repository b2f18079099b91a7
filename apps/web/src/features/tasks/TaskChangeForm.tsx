import { TaskChangeCreate, type TaskFull } from '@stinet/shared';
import { Alert, Button, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormLayout';
import { blankToNull, changedFields, type FieldErrors } from '../../lib/form';
import { today } from '../../lib/format';
import { useValidatedForm } from '../../lib/useValidatedForm';
import { useCreateTaskChange } from './changesApi';

/** One row of the team list (`key` only tells rows apart while editing; role and researcher link are kept). */
interface MemberRow {
  key: number;
  fullName: string;
  role: 'member' | 'secretary';
  researcherId: string | null;
}

type TextKey = 'titleVi' | 'titleEn' | 'programme' | 'piName' | 'startDate' | 'endDate';
type LongTextKey = 'objectives' | 'content' | 'methods' | 'expectedProducts' | 'applicationPlan';
type MoneyKey = 'budgetTotal' | 'budgetStateCentral' | 'budgetStateLocal' | 'budgetOther';

/** The values of the change form: the changeable fields as the task form holds them, plus the basis of the change. */
type ChangeValues = Record<TextKey | LongTextKey, string> &
  Record<MoneyKey, number | string> & {
    members: MemberRow[];
    reason: string;
    decisionNo: string;
    decisionDate: string;
  };

const TEXT_KEYS: TextKey[] = ['titleVi', 'titleEn', 'programme', 'piName', 'startDate', 'endDate'];
const LONG_TEXT_KEYS: LongTextKey[] = ['objectives', 'content', 'methods', 'expectedProducts', 'applicationPlan'];
const MONEY_KEYS: MoneyKey[] = ['budgetTotal', 'budgetStateCentral', 'budgetStateLocal', 'budgetOther'];
/** Fields the server requires to be non-empty: blanking them is sent as an empty text so that it is refused with a message. */
const REQUIRED_KEYS = new Set<string>(['titleVi', 'piName', 'startDate', 'endDate', 'objectives', 'content', 'expectedProducts']);

let memberKeys = 0;
const nextKey = () => ++memberKeys;

function valuesOf(task: TaskFull): ChangeValues {
  const money = (v: number | null) => (v === null ? '' : v);
  return {
    titleVi: task.titleVi,
    titleEn: task.titleEn ?? '',
    programme: task.programme ?? '',
    piName: task.piName,
    startDate: task.startDate,
    endDate: task.endDate,
    objectives: task.objectives,
    content: task.content,
    methods: task.methods ?? '',
    expectedProducts: task.expectedProducts,
    applicationPlan: task.applicationPlan ?? '',
    budgetTotal: money(task.budgetTotal),
    budgetStateCentral: money(task.budgetStateCentral),
    budgetStateLocal: money(task.budgetStateLocal),
    budgetOther: money(task.budgetOther),
    members: task.members.map((m) => ({ key: nextKey(), fullName: m.fullName, role: m.role, researcherId: m.researcherId })),
    reason: '',
    decisionNo: '',
    decisionDate: '',
  };
}

/** The changeable fields of the form values as the API takes them (blank optional text and amounts as null). */
function fieldsOf(v: ChangeValues): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    members: v.members.map((m) => ({ fullName: m.fullName.trim(), researcherId: m.researcherId, role: m.role })),
  };
  for (const key of [...TEXT_KEYS, ...LONG_TEXT_KEYS]) fields[key] = REQUIRED_KEYS.has(key) ? v[key].trim() : blankToNull(v[key]);
  for (const key of MONEY_KEYS) fields[key] = v[key] === '' ? null : Number(v[key]);
  return fields;
}

/**
 * The dialog of a change to a published task (phiếu cập nhật, Mẫu 3): the changeable fields pre-filled with the
 * current record (title, principal investigator and members, schedule, budget, objectives, content, methods, products,
 * application plan) and the basis of the change (reason, approving decision and its date). Only the fields that
 * differ from the record are sent; the focal point applies the change later.
 */
export function TaskChangeDialog({ task, opened, onClose }: { task: TaskFull; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const create = useCreateTaskChange(task.id);
  const form = useValidatedForm<ChangeValues>(() => valuesOf(task), { clearErrorOnChange: true });
  const { values, set, setValues, errors } = form;
  const close = () => {
    create.reset();
    setValues(valuesOf(task));
    form.setErrors({});
    onClose();
  };

  const err = (key: string): string | undefined => {
    const path = `changes.${key}`;
    if (errors[path]) return errors[path];
    const nested = Object.keys(errors).find((k) => k.startsWith(`${path}.`));
    return nested ? errors[nested] : undefined;
  };

  const onSubmit = async () => {
    const changes = changedFields(fieldsOf(valuesOf(task)), fieldsOf(values));
    const extra: FieldErrors = Object.keys(changes).length === 0 ? { _changes: t('taskChanges.noFieldChanged') } : {};
    const ok = await form.submit(
      TaskChangeCreate,
      { changes, reason: values.reason, decisionNo: values.decisionNo, decisionDate: values.decisionDate },
      async (body) => {
        await create.mutateAsync(body);
      },
      extra,
    );
    if (ok) {
      notifications.show({ color: 'green', message: t('taskChanges.filed') });
      close();
    }
  };

  const setMember = (key: number, fullName: string) => setValues((v) => ({ ...v, members: v.members.map((m) => (m.key === key ? { ...m, fullName } : m)) }));
  const addMember = () => setValues((v) => ({ ...v, members: [...v.members, { key: nextKey(), fullName: '', role: 'member', researcherId: null }] }));
  const removeMember = (key: number) => setValues((v) => ({ ...v, members: v.members.filter((m) => m.key !== key) }));

  const text = (key: TextKey, type?: string) => (
    <TextInput
      label={t(`tasks.fields.${key}`)}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={err(key)}
      required={REQUIRED_KEYS.has(key)}
      type={type}
      autoComplete="off"
    />
  );
  const longText = (key: LongTextKey) => (
    <Textarea
      label={t(`tasks.fields.${key}`)}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={err(key)}
      required={REQUIRED_KEYS.has(key)}
      autosize
      minRows={2}
      maxRows={10}
    />
  );
  const money = (key: MoneyKey) => (
    <NumberInput
      key={key}
      label={t(`tasks.fields.${key}`)}
      value={values[key]}
      onChange={(v) => set(key, v)}
      error={err(key)}
      min={0}
      decimalScale={3}
      thousandSeparator={i18n.language === 'en' ? ',' : '.'}
      decimalSeparator={i18n.language === 'en' ? '.' : ','}
      hideControls
    />
  );

  return (
    <FormModal opened={opened} onClose={close} size="xl" title={t('taskChanges.createTitle')} submitLabel={t('taskChanges.create')} submitting={create.isPending} error={create.error} onSubmit={onSubmit}>
      <Text size="sm">{t('taskChanges.createIntro')}</Text>
      {errors._changes ? (
        <Alert role="alert" color="orange" variant="light">
          {errors._changes}
        </Alert>
      ) : null}
      <Fieldset legend={t('taskChanges.basisLegend')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('taskChanges.decisionNo')}
              value={values.decisionNo}
              onChange={(e) => set('decisionNo', e.currentTarget.value)}
              error={errors.decisionNo}
              required
              autoComplete="off"
              data-autofocus
            />
            <TextInput
              type="date"
              label={t('taskChanges.decisionDate')}
              value={values.decisionDate}
              onChange={(e) => set('decisionDate', e.currentTarget.value)}
              error={errors.decisionDate}
              max={today()}
              required
            />
          </SimpleGrid>
          <Textarea label={t('taskChanges.reason')} value={values.reason} onChange={(e) => set('reason', e.currentTarget.value)} error={errors.reason} required autosize minRows={2} />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('taskChanges.changesLegend')}>
        <Stack gap="sm">
          {text('titleVi')}
          {text('titleEn')}
          {text('programme')}
          {text('piName')}
          <Stack gap="xs" role="group" aria-labelledby="change-members-label">
            <Text size="sm" fw={500} id="change-members-label">
              {t('tasks.fields.members')}
            </Text>
            {values.members.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('tasks.noMembers')}
              </Text>
            ) : null}
            {values.members.map((m, i) => (
              <Group key={m.key} align="flex-start" wrap="nowrap" gap="sm">
                <TextInput
                  label={t('tasks.memberName', { n: i + 1 })}
                  value={m.fullName}
                  onChange={(e) => setMember(m.key, e.currentTarget.value)}
                  error={err(`members.${i}`)}
                  required
                  autoComplete="off"
                  style={{ flex: 1 }}
                />
                <Button variant="subtle" color="red" mt={24} onClick={() => removeMember(m.key)} aria-label={t('tasks.removeMember', { n: i + 1 })}>
                  {t('tasks.remove')}
                </Button>
              </Group>
            ))}
            <div>
              <Button variant="light" size="xs" onClick={addMember}>
                {t('tasks.addMember')}
              </Button>
            </div>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {text('startDate', 'date')}
            {text('endDate', 'date')}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>{MONEY_KEYS.map(money)}</SimpleGrid>
          {LONG_TEXT_KEYS.map((key) => (
            <div key={key}>{longText(key)}</div>
          ))}
        </Stack>
      </Fieldset>
    </FormModal>
  );
}
