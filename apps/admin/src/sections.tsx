import {
  IconBuildingBank,
  IconCash,
  IconChartBar,
  IconFileSpreadsheet,
  IconPackage,
  IconPhoto,
  IconShoppingCart,
  IconUserCheck,
  IconUsers,
} from '@tabler/icons-react';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Dictionary } from './i18n/dictionary.ts';
import { type ManagedProfile, PROFILES } from './profiles.ts';

/** One screen of a tenant's console: its place in the navbar and its lazily loaded page. */
export interface Section {
  /** the path segment: /admin/t/{tenant}/{id} */
  id: string;
  label: (t: Dictionary) => string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  screen: LazyExoticComponent<ComponentType>;
}

const screen = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

/**
 * The sections of each profile, in navbar order. Today they follow from the profile; when the API
 * answers the signed-in administrator's capabilities (`console.me`), `sectionsFor` keeps those it
 * names, and the tenant-wide screens (dashboard, settings, jobs, outbox, audit log) join every list.
 */
export const SECTIONS: Record<ManagedProfile, Section[]> = {
  [PROFILES.sinoman]: [
    {
      id: 'members',
      label: (t) => t.nav.members,
      icon: IconUsers,
      screen: screen(() => import('./screens/sinoman/MembersPage.tsx')),
    },
    {
      id: 'financial',
      label: (t) => t.nav.financial,
      icon: IconChartBar,
      screen: screen(() => import('./screens/sinoman/FinancialDashboardPage.tsx')),
    },
    {
      id: 'transactions',
      label: (t) => t.nav.transactions,
      icon: IconFileSpreadsheet,
      screen: screen(() => import('./screens/sinoman/TransactionReportPage.tsx')),
    },
  ],
  [PROFILES.qutab]: [
    {
      id: 'affiliates',
      label: (t) => t.nav.affiliates,
      icon: IconUserCheck,
      screen: screen(() => import('./screens/qutab/AffiliatesPage.tsx')),
    },
    {
      id: 'bank-accounts',
      label: (t) => t.nav.bankAccounts,
      icon: IconBuildingBank,
      screen: screen(() => import('./screens/qutab/BankAccountsPage.tsx')),
    },
    {
      id: 'payouts',
      label: (t) => t.nav.payouts,
      icon: IconCash,
      screen: screen(() => import('./screens/qutab/PayoutsPage.tsx')),
    },
    {
      id: 'materials',
      label: (t) => t.nav.materials,
      icon: IconPhoto,
      screen: screen(() => import('./screens/qutab/MaterialsPage.tsx')),
    },
  ],
  [PROFILES.ansania]: [
    {
      id: 'orders',
      label: (t) => t.nav.orders,
      icon: IconShoppingCart,
      screen: screen(() => import('./screens/ansania/OrdersPage.tsx')),
    },
  ],
  [PROFILES.dtehm]: [
    {
      id: 'catalog',
      label: (t) => t.nav.catalog,
      icon: IconPackage,
      screen: screen(() => import('./screens/dtehm/CatalogPage.tsx')),
    },
  ],
};

/** The sections a tenant's administrator sees (all of the profile's, or those `capabilities` names). */
export function sectionsFor(profile: ManagedProfile, capabilities?: readonly string[]): Section[] {
  const all = SECTIONS[profile];
  return capabilities ? all.filter((s) => capabilities.includes(s.id)) : all;
}
