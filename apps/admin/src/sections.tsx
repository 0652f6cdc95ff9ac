import {
  IconBuildingBank,
  IconBuildingWarehouse,
  IconCash,
  IconCashBanknoteOff,
  IconChartBar,
  IconClockPlay,
  IconCoins,
  IconFileSpreadsheet,
  IconHistory,
  IconLayoutDashboard,
  IconMailForward,
  IconPackage,
  IconPhoto,
  IconRun,
  IconSettings,
  IconShoppingCart,
  IconSitemap,
  IconTicket,
  IconUserCheck,
  IconUserDollar,
  IconUsers,
} from '@tabler/icons-react';
import { type ComponentType, type LazyExoticComponent, lazy } from 'react';
import type { Dictionary } from './i18n/dictionary.ts';
import { type ManagedProfile, PROFILES } from './profiles.ts';
import type { ConsoleSection } from './session/tenant-info.ts';

/** One screen of a tenant's console: its place in the navbar and its lazily loaded page. */
export interface Section {
  /** the path segment: /admin/t/{tenant}/{id} */
  id: string;
  /** the console section (of those `console.me` lists for the tenant) this screen serves */
  capability: ConsoleSection;
  label: (t: Dictionary) => string;
  icon: ComponentType<{ size?: number; 'aria-hidden'?: boolean }>;
  screen: LazyExoticComponent<ComponentType>;
}

const screen = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

/**
 * The screens of each profile. `console.me` names the sections this tenant's console has;
 * `sectionsFor` keeps the screens serving one of them.
 */
/** Every tenant's first screen: its figures by day. */
const DASHBOARD: Section = {
  id: 'dashboard',
  capability: 'dashboard',
  label: (t) => t.nav.dashboard,
  icon: IconLayoutDashboard,
  screen: screen(() => import('./screens/console/DashboardPage.tsx')),
};

/** Every tenant's last screens: its settings, the work in the background, the audit log. */
const OPERATIONS: Section[] = [
  {
    id: 'settings',
    capability: 'settings',
    label: (t) => t.consoleNav.settings,
    icon: IconSettings,
    screen: screen(() => import('./screens/console/SettingsPage.tsx')),
  },
  {
    id: 'jobs',
    capability: 'jobs',
    label: (t) => t.nav.jobs,
    icon: IconClockPlay,
    screen: screen(() => import('./screens/console/JobsPage.tsx')),
  },
  {
    id: 'outbox',
    capability: 'outbox',
    label: (t) => t.nav.outbox,
    icon: IconMailForward,
    screen: screen(() => import('./screens/console/OutboxPage.tsx')),
  },
  {
    id: 'audit-log',
    capability: 'audit-log',
    label: (t) => t.consoleNav.audit,
    icon: IconHistory,
    screen: screen(() => import('./screens/console/AuditLogPage.tsx')),
  },
];

const PROFILE_SECTIONS: Record<ManagedProfile, Section[]> = {
  [PROFILES.sinoman]: [
    {
      id: 'members',
      capability: 'kyc',
      label: (t) => t.nav.members,
      icon: IconUsers,
      screen: screen(() => import('./screens/sinoman/MembersPage.tsx')),
    },
    {
      id: 'withdrawals',
      capability: 'withdrawals',
      label: (t) => t.sinoman.nav.withdrawals,
      icon: IconCashBanknoteOff,
      screen: screen(() => import('./screens/sinoman/WithdrawalsPage.tsx')),
    },
    {
      id: 'financial',
      capability: 'financial-reports',
      label: (t) => t.nav.financial,
      icon: IconChartBar,
      screen: screen(() => import('./screens/sinoman/FinancialDashboardPage.tsx')),
    },
    {
      id: 'transactions',
      capability: 'transactions',
      label: (t) => t.nav.transactions,
      icon: IconFileSpreadsheet,
      screen: screen(() => import('./screens/sinoman/TransactionReportPage.tsx')),
    },
    {
      id: 'fit-challenge',
      capability: 'fit-challenge',
      label: (t) => t.sinoman.nav.fitChallenge,
      icon: IconRun,
      screen: screen(() => import('./screens/sinoman/FitChallengePage.tsx')),
    },
  ],
  [PROFILES.qutab]: [
    {
      id: 'affiliates',
      capability: 'affiliate-applications',
      label: (t) => t.nav.affiliates,
      icon: IconUserCheck,
      screen: screen(() => import('./screens/qutab/AffiliatesPage.tsx')),
    },
    {
      id: 'bank-accounts',
      capability: 'verifications',
      label: (t) => t.nav.bankAccounts,
      icon: IconBuildingBank,
      screen: screen(() => import('./screens/qutab/BankAccountsPage.tsx')),
    },
    {
      id: 'payouts',
      capability: 'payouts',
      label: (t) => t.nav.payouts,
      icon: IconCash,
      screen: screen(() => import('./screens/qutab/PayoutsPage.tsx')),
    },
    {
      id: 'orders',
      capability: 'orders',
      label: (t) => t.consoleNav.qutabOrders,
      icon: IconShoppingCart,
      screen: screen(() => import('./screens/qutab/OrdersPage.tsx')),
    },
    {
      id: 'materials',
      capability: 'materials',
      label: (t) => t.nav.materials,
      icon: IconPhoto,
      screen: screen(() => import('./screens/qutab/MaterialsPage.tsx')),
    },
  ],
  [PROFILES.ansania]: [
    {
      id: 'orders',
      capability: 'orders',
      label: (t) => t.nav.orders,
      icon: IconShoppingCart,
      screen: screen(() => import('./screens/ansania/OrdersPage.tsx')),
    },
    {
      id: 'vouchers',
      capability: 'vouchers',
      label: (t) => t.ansania.vouchers.nav,
      icon: IconTicket,
      screen: screen(() => import('./screens/ansania/VouchersPage.tsx')),
    },
    {
      id: 'voucher-affiliates',
      capability: 'voucher-affiliates',
      label: (t) => t.ansania.voucherAffiliates.nav,
      icon: IconUserDollar,
      screen: screen(() => import('./screens/ansania/VoucherAffiliatesPage.tsx')),
    },
    {
      id: 'products',
      capability: 'catalog',
      label: (t) => t.ansania.shopCatalog.nav,
      icon: IconBuildingWarehouse,
      screen: screen(() => import('./screens/ansania/ProductsPage.tsx')),
    },
  ],
  [PROFILES.dtehm]: [
    {
      id: 'members',
      capability: 'members',
      label: (t) => t.dtehm.nav.members,
      icon: IconUsers,
      screen: screen(() => import('./screens/dtehm/MembersPage.tsx')),
    },
    {
      id: 'network',
      capability: 'network',
      label: (t) => t.dtehm.nav.network,
      icon: IconSitemap,
      screen: screen(() => import('./screens/dtehm/NetworkPage.tsx')),
    },
    {
      id: 'orders',
      capability: 'orders',
      label: (t) => t.dtehm.nav.orders,
      icon: IconShoppingCart,
      screen: screen(() => import('./screens/dtehm/OrdersPage.tsx')),
    },
    {
      id: 'commissions',
      capability: 'commissions',
      label: (t) => t.dtehm.nav.commissions,
      icon: IconCoins,
      screen: screen(() => import('./screens/dtehm/CommissionsPage.tsx')),
    },
    {
      id: 'catalog',
      capability: 'catalog',
      label: (t) => t.nav.catalog,
      icon: IconPackage,
      screen: screen(() => import('./screens/dtehm/CatalogPage.tsx')),
    },
  ],
};

/** Each profile's screens in navbar order: the dashboard, the profile's own, the operations. */
export const SECTIONS = Object.fromEntries(
  Object.entries(PROFILE_SECTIONS).map(([profile, own]) => [profile, [DASHBOARD, ...own, ...OPERATIONS]]),
) as Record<ManagedProfile, Section[]>;

/** The screens a tenant's administrator sees: the profile's, those serving a section `console.me` names. */
export function sectionsFor(profile: ManagedProfile, capabilities: readonly string[]): Section[] {
  return SECTIONS[profile].filter((s) => capabilities.includes(s.capability));
}
