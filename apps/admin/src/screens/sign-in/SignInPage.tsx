import { PasswordInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import type { Dictionary } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { sessionStore } from '../../session/session-store.ts';
import { NotAdministratorError, signInTenantAdmin, UnsupportedProfileError } from '../../session/sign-in.ts';
import { UnknownTenantError } from '../../session/tenant-info.ts';
import { SignInFrame } from './SignInFrame.tsx';

const route = getRouteApi('/sign-in');

function explain(error: unknown, t: Dictionary): string {
  if (error instanceof NotAdministratorError) return t.signIn.notAdministrator;
  if (error instanceof UnknownTenantError) return t.signIn.unknownTenant(error.slug);
  if (error instanceof UnsupportedProfileError) return t.signIn.unsupportedProfile;
  return messageOf(error);
}

/** A tenant's administrator signs in: tenant slug, email, password. */
export default function SignInPage() {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { tenant: search.tenant ?? '', email: '', password: '' },
    validate: {
      tenant: (v) => (v.trim() ? null : t.common.required),
      email: (v) => (v.trim() ? null : t.common.required),
      password: (v) => (v ? null : t.common.required),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      const session = await signInTenantAdmin(values.tenant, values.email, values.password);
      sessionStore.set(session);
      if (session.kind === 'tenant')
        await navigate({ to: '/t/$tenant', params: { tenant: session.tenant.slug } });
    } catch (e) {
      setError(explain(e, t));
    } finally {
      setBusy(false);
    }
  });

  return (
    <SignInFrame
      title={t.signIn.title}
      subtitle={t.signIn.subtitle}
      error={error}
      notice={search.ended ? t.signIn.sessionEnded : null}
      busy={busy}
      onSubmit={submit}
      other={{ to: '/platform/sign-in', label: t.signIn.platformLink }}
    >
      <TextInput
        label={t.signIn.tenant}
        description={t.signIn.tenantHint}
        autoComplete="organization"
        autoCapitalize="none"
        required
        {...form.getInputProps('tenant')}
      />
      <TextInput
        label={t.signIn.email}
        type="email"
        autoComplete="username"
        required
        {...form.getInputProps('email')}
      />
      <PasswordInput
        label={t.signIn.password}
        autoComplete="current-password"
        required
        {...form.getInputProps('password')}
      />
    </SignInFrame>
  );
}
