import { Alert, Anchor, Button, Center, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { LANGUAGES, type Language } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The frame both sign-in pages share: title, the form's fields, its error, a link to the other page. */
export function SignInFrame(props: {
  title: string;
  subtitle: string;
  error: string | null;
  notice?: string | null;
  busy: boolean;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
  other: { to: '/sign-in' | '/platform/sign-in'; label: string };
}) {
  const { t, language, setLanguage } = useI18n();
  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" w={420} maw="100%">
        <Group justify="space-between" align="flex-start" mb="md">
          <div>
            <Title order={1} size="h3">
              {props.title}
            </Title>
            <Text size="sm" c="gray.7">
              {props.subtitle}
            </Text>
          </div>
          <Select
            aria-label={t.language.label}
            size="xs"
            w={140}
            data={LANGUAGES.map((l) => ({ value: l, label: t.language[l] }))}
            value={language}
            onChange={(value) => value && setLanguage(value as Language)}
            allowDeselect={false}
          />
        </Group>
        <form onSubmit={props.onSubmit} noValidate>
          <Stack>
            {props.notice && (
              <Alert color="yellow" role="status">
                {props.notice}
              </Alert>
            )}
            {props.error && (
              <Alert color="red" role="alert">
                {props.error}
              </Alert>
            )}
            {props.children}
            <Button type="submit" loading={props.busy} fullWidth>
              {t.signIn.submit}
            </Button>
            <Anchor component={Link} to={props.other.to} size="sm" ta="center">
              {props.other.label}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
