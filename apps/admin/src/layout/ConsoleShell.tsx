import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Select, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLogout } from '@tabler/icons-react';
import { Link, useNavigate, useRouterState } from '@tanstack/react-router';
import { type ComponentType, type ReactNode, Suspense, useState } from 'react';
import { LANGUAGES, type Language } from '../i18n/dictionary.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { signOut } from '../session/sign-out.ts';
import { PageLoader } from './PageLoader.tsx';

export interface NavItem {
  /** a path of the router, e.g. /t/sinoman/members */
  to: string;
  label: string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
}

/**
 * The console's frame: a header with the tenant (or platform), the language switch, the signed-in
 * account and sign-out; a navbar of the sections this administrator may open; the page.
 */
export function ConsoleShell(props: {
  heading: string;
  account: string;
  nav: NavItem[];
  signInPath: string;
  children: ReactNode;
}) {
  const { t, language, setLanguage } = useI18n();
  const [opened, { toggle, close }] = useDisclosure();
  const [leaving, setLeaving] = useState(false);
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });

  const leave = async () => {
    setLeaving(true);
    await signOut();
    await navigate({ to: props.signInPath });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t.common.toggleNavigation}
            />
            <Text fw={700} component="span">
              {t.app.title}
            </Text>
            <Text component="span" c="gray.7" visibleFrom="xs">
              {props.heading}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Select
              aria-label={t.language.label}
              size="xs"
              w={150}
              data={LANGUAGES.map((l) => ({ value: l, label: t.language[l] }))}
              value={language}
              onChange={(value) => value && setLanguage(value as Language)}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
            />
            <Text size="sm" visibleFrom="md">
              {props.account}
            </Text>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconLogout size={16} aria-hidden />}
              onClick={leave}
              loading={leaving}
            >
              {t.common.signOut}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={props.heading}>
        <AppShell.Section grow component={ScrollArea}>
          {props.nav.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={<item.icon size={18} aria-hidden />}
              active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
              variant="filled"
              onClick={close}
            />
          ))}
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Suspense fallback={<PageLoader />}>{props.children}</Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
