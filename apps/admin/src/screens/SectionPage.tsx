import { useParams } from '@tanstack/react-router';
import { useTenant } from '../layout/tenant-context.ts';
import type { ManagedProfile } from '../profiles.ts';
import { sectionsFor } from '../sections.tsx';
import { NotFound } from './NotFound.tsx';

/** /t/{tenant}/{section}: the section's page, when the tenant's administrators have it. */
export default function SectionPage() {
  const { section } = useParams({ from: '/t/$tenant/$section' });
  const tenant = useTenant();
  const found = sectionsFor(tenant.profile as ManagedProfile, tenant.sections).find((s) => s.id === section);
  if (!found) return <NotFound />;
  return <found.screen />;
}
