import { PasswordInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { sessionStore } from '../../session/session-store.ts';
import { signInPlatformAdmin } from '../../session/sign-in.ts';
import { SignInFrame } from './SignInFrame.tsx';

const route = getRouteApi('/platform/sign-in');

/** A platform administrator signs in (the accounts outside every tenant). */
export default function PlatformSignInPage() {
  const { t } = useI18n();
  const search = route.useSearch();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t.common.required),
      password: (v) => (v ? null : t.common.required),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    setError(null);
    try {
      sessionStore.set(await signInPlatformAdmin(values.email, values.password));
      await navigate({ to: '/platform/tenants' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  });

  return (
    <SignInFrame
      title={t.signIn.platformTitle}
      subtitle={t.signIn.platformSubtitle}
      error={error}
      notice={search.ended ? t.signIn.sessionEnded : null}
      busy={busy}
      onSubmit={submit}
      other={{ to: '/sign-in', label: t.signIn.tenantLink }}
    >
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
