import { ACCEPTANCE_RATINGS, TaskAcceptance, type TaskFull } from '@stinet/shared';
import { Badge, Button, Card, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../components/DetailList';
import { FormModal } from '../../components/FormLayout';
import { formatDate, today } from '../../lib/format';
import { useValidatedForm } from '../../lib/useValidatedForm';
import { RegistrationDeadline } from '../registrations/RegistrationBits';
import { useRecordAcceptance } from './api';

type Rating = (typeof ACCEPTANCE_RATINGS)[number];

const RATING_COLORS: Record<Rating, string> = { excellent: 'teal', pass: 'green', fail: 'red' };

/** An acceptance rating as a colored badge. */
export function AcceptanceRatingBadge({ rating }: { rating: Rating }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={RATING_COLORS[rating]}>
      {t(`acceptance.ratings.${rating}`)}
    </Badge>
  );
}

interface AcceptanceValues {
  acceptedOn: string;
  acceptanceRating: Rating | '';
  acceptanceDecisionNo: string;
}

/** The dialog recording (or correcting) the official acceptance: date (not in the future), rating and decision number. */
function AcceptanceDialog({ task, opened, onClose }: { task: TaskFull; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const record = useRecordAcceptance(task.id);
  const initial = (): AcceptanceValues => ({
    acceptedOn: task.acceptedOn ?? '',
    acceptanceRating: task.acceptanceRating ?? '',
    acceptanceDecisionNo: task.acceptanceDecisionNo ?? '',
  });
  const form = useValidatedForm<AcceptanceValues>(initial, { clearErrorOnChange: true });
  const { setValues, setErrors } = form;
  // each opening starts from the record as it is now
  useEffect(() => {
    if (!opened) return;
    setValues({ acceptedOn: task.acceptedOn ?? '', acceptanceRating: task.acceptanceRating ?? '', acceptanceDecisionNo: task.acceptanceDecisionNo ?? '' });
    setErrors({});
  }, [opened, task.acceptedOn, task.acceptanceRating, task.acceptanceDecisionNo, setValues, setErrors]);
  const close = () => {
    record.reset();
    form.setValues(initial());
    form.setErrors({});
    onClose();
  };
  return (
    <FormModal
      opened={opened}
      onClose={close}
      title={t('acceptance.dialogTitle')}
      submitLabel={t('acceptance.record')}
      submitting={record.isPending}
      error={record.error}
      onSubmit={async () => {
        const body = {
          acceptedOn: form.values.acceptedOn,
          acceptanceRating: form.values.acceptanceRating || undefined,
          acceptanceDecisionNo: form.values.acceptanceDecisionNo,
          version: task.version,
        };
        const ok = await form.submit(TaskAcceptance, body, async (data) => {
          await record.mutateAsync(data);
        });
        if (ok) {
          notifications.show({ color: 'green', message: t('acceptance.recorded') });
          onClose();
        }
      }}
    >
      <Text size="sm">{t('acceptance.intro')}</Text>
      <TextInput
        type="date"
        label={t('acceptance.fields.acceptedOn')}
        value={form.values.acceptedOn}
        onChange={(e) => form.set('acceptedOn', e.currentTarget.value)}
        error={form.errors.acceptedOn}
        max={today()}
        min={task.startDate}
        required
        data-autofocus
      />
      <Radio.Group
        label={t('acceptance.fields.acceptanceRating')}
        value={form.values.acceptanceRating}
        onChange={(v) => form.set('acceptanceRating', (ACCEPTANCE_RATINGS as readonly string[]).includes(v) ? (v as Rating) : '')}
        error={form.errors.acceptanceRating}
        required
      >
        <Group gap="lg" mt={6}>
          {ACCEPTANCE_RATINGS.map((r) => (
            <Radio key={r} value={r} label={t(`acceptance.ratings.${r}`)} />
          ))}
        </Group>
      </Radio.Group>
      <TextInput
        label={t('acceptance.fields.acceptanceDecisionNo')}
        value={form.values.acceptanceDecisionNo}
        onChange={(e) => form.set('acceptanceDecisionNo', e.currentTarget.value)}
        error={form.errors.acceptanceDecisionNo}
        autoComplete="off"
      />
    </FormModal>
  );
}

/**
 * The official acceptance of a published task (T1): date, rating, decision number and the registration deadline it
 * starts (T1 + 30 working days, with the late flag); "Record acceptance" (or "Correct") while the caller may record it.
 */
export function AcceptanceSection({ task, isLate }: { task: TaskFull; isLate: boolean }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Card withBorder component="section" aria-labelledby="acceptance-title">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} fz="lg" id="acceptance-title">
          {t('acceptance.title')}
        </Title>
        {task.canRecordAcceptance ? (
          <Button variant={task.acceptedOn ? 'default' : 'filled'} onClick={() => setOpened(true)}>
            {task.acceptedOn ? t('acceptance.correct') : t('acceptance.record')}
          </Button>
        ) : null}
      </Group>
      {task.acceptedOn ? (
        <DetailList
          cols={4}
          items={[
            { label: t('acceptance.fields.acceptedOn'), value: formatDate(task.acceptedOn) },
            { label: t('acceptance.fields.acceptanceRating'), value: task.acceptanceRating ? <AcceptanceRatingBadge rating={task.acceptanceRating} /> : null },
            { label: t('acceptance.fields.acceptanceDecisionNo'), value: task.acceptanceDecisionNo },
            { label: t('acceptance.deadline'), value: <RegistrationDeadline deadline={task.registrationDeadline} isLate={isLate} withHint /> },
          ]}
        />
      ) : (
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {t('acceptance.notRecorded')}
          </Text>
        </Stack>
      )}
      {task.canRecordAcceptance ? <AcceptanceDialog key={task.id} task={task} opened={opened} onClose={() => setOpened(false)} /> : null}
    </Card>
  );
}
