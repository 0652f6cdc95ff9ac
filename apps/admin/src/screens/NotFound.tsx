import { Anchor, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n/i18n.tsx';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Center mih="60vh">
      <Stack align="center">
        <Title order={1}>404</Title>
        <Text>{t.common.notFound}</Text>
        <Anchor component={Link} to="/">
          {t.common.back}
        </Anchor>
      </Stack>
    </Center>
  );
}
