import { Anchor, Badge, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { platform } from '../../api/trpc.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/i18n.tsx';

/** Every tenant of this server (the platform API answers them all at once, by slug). */
export default function TenantsPage() {
  const { t } = useI18n();
  const trpc = platform.useTRPC();
  const tenants = useQuery(trpc.tenants.queryOptions());
  const rows = tenants.data?.tenants;
  return (
    <>
      <PageHeader title={t.platform.tenants} />
      <DataTable
        caption={t.platform.tenants}
        rows={rows}
        rowKey={(r) => r.slug}
        page={1}
        pageCount={1}
        total={rows?.length}
        onPage={() => {}}
        fetching={tenants.isFetching}
        error={tenants.error}
        onRetry={() => tenants.refetch()}
        columns={[
          {
            key: 'slug',
            header: t.platform.slug,
            render: (r) => (
              <Anchor component={Link} to={`/platform/tenants/${r.slug}`} fw={600}>
                {r.slug}
              </Anchor>
            ),
          },
          { key: 'name', header: t.common.name, render: (r) => r.name },
          {
            key: 'profile',
            header: t.platform.profile,
            render: (r) => <Badge variant="light">{r.profile}</Badge>,
          },
          { key: 'currency', header: t.platform.currency, render: (r) => r.currency },
          { key: 'timeZone', header: t.platform.timeZone, render: (r) => r.timeZone },
          {
            key: 'hosts',
            header: t.platform.hosts,
            render: (r) => (r.hosts.length ? r.hosts.join(', ') : <Text span>—</Text>),
          },
        ]}
      />
    </>
  );
}
