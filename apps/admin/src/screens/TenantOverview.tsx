import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { useTenant } from '../layout/tenant-context.ts';
import type { ManagedProfile } from '../profiles.ts';
import { sectionsFor } from '../sections.tsx';

/** /t/{tenant}/: the sections at a glance (the tenant-wide dashboard will stand here). */
export default function TenantOverview() {
  const { t } = useI18n();
  const tenant = useTenant();
  return (
    <>
      <Title order={1} size="h2" mb="xs">
        {t.overview.title(tenant.name)}
      </Title>
      <Text mb="lg">{t.overview.pick}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {sectionsFor(tenant.profile as ManagedProfile, tenant.sections).map((section) => (
          <Card key={section.id} withBorder component={Link} to={`/t/${tenant.slug}/${section.id}`}>
            <section.icon size={28} aria-hidden />
            <Text fw={600} mt="sm">
              {section.label(t)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
