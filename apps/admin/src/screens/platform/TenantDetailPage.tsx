import { Anchor, Badge, Code, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { messageOf } from '../../api/errors.ts';
import { platform } from '../../api/trpc.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { PageLoader } from '../../layout/PageLoader.tsx';

const route = getRouteApi('/platform/tenants/$slug');

/** One tenant: what it is, and its settings (secrets masked by the API) beside what each key means. */
export default function TenantDetailPage() {
  const { t } = useI18n();
  const { slug } = route.useParams();
  const trpc = platform.useTRPC();
  const tenant = useQuery(trpc.tenant.queryOptions({ slug }));
  if (tenant.isPending) return <PageLoader />;
  if (tenant.isError) return <Text role="alert">{messageOf(tenant.error)}</Text>;
  const d = tenant.data;
  const described = new Map(d.settingKeys.map((k) => [k.key, k.description]));
  const keys = [...new Set([...Object.keys(d.settings), ...described.keys()])];
  return (
    <>
      <Anchor component={Link} to="/platform/tenants" size="sm">
        ← {t.platform.tenants}
      </Anchor>
      <PageHeader title={d.name}>
        <Badge size="lg" variant="light">
          {d.profile}
        </Badge>
      </PageHeader>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} mb="lg">
        <Field label={t.platform.slug} value={d.slug} />
        <Field label={t.platform.currency} value={d.currency} />
        <Field label={t.platform.timeZone} value={d.timeZone} />
        <Field label={t.platform.hosts} value={d.hosts.join(', ') || '—'} />
      </SimpleGrid>
      <Title order={2} size="h3" mb="sm">
        {t.platform.settings}
      </Title>
      <Stack>
        {keys.length === 0 && <Text>{t.platform.noSettings}</Text>}
        {keys.map((key) => (
          <Paper key={key} withBorder p="md">
            <Group justify="space-between" mb={4}>
              <Text fw={600} ff="monospace">
                {key}
              </Text>
            </Group>
            {described.get(key) && (
              <Text size="sm" c="gray.7" mb="xs">
                {described.get(key)}
              </Text>
            )}
            <Code block>{key in d.settings ? JSON.stringify(d.settings[key], null, 2) : '—'}</Code>
          </Paper>
        ))}
      </Stack>
    </>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text fw={500}>{value}</Text>
    </Paper>
  );
}
