import type { DashboardMetric } from '../../../contexts/reporting/console-dashboard.service.ts';
import { settingFormSchema } from '../../../kernel/settings/setting-forms.ts';
import { SETTING_DESCRIPTIONS, SETTING_TITLES } from '../../../kernel/settings/tenant-settings.ts';
import type { OperationExamples } from '../operation-examples.ts';
import type { ConsoleSection } from './console-spec.ts';

/** What a profile's document shows of its tenant in the console's examples. */
export interface ConsoleExampleTenant {
  slug: string;
  name: string;
  profile: string;
  profiles: string[];
  currency: string;
  timeZone: string;
  locales: string[];
  sections: ConsoleSection[];
  metrics: DashboardMetric[];
  /** one day of its dashboard (the example shows two) */
  day: Partial<Record<DashboardMetric, number>>;
  now?: { totalSavings: number; activeMembers: number };
  /** the job whose run the example shows */
  job: string;
}

const COUNTS: readonly DashboardMetric[] = ['orders', 'clicks'];
const AT = '2026-02-03T10:00:00.000Z';
const TOKENS = {
  accessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
  refreshToken: '3f1c2b9e-5d8a-4c1e-9a43-0d3c5e0f7a21.kq9Zb1yXbQ3m0f4mUe2vT8w5c7pR1sL6hN0dJ3aG2xE',
  tokenType: 'Bearer' as const,
  expiresIn: 900,
};

/** The form of `payments` with one gateway's part of it: the example's value is a Xendit one. */
function paymentsForm() {
  const form = settingFormSchema('payments') as { properties: Record<string, unknown> };
  const { provider, xendit } = form.properties;
  return { ...form, properties: { provider, xendit } };
}

/** The console's operations as one profile's document shows them. */
export function consoleExamples(tenant: ConsoleExampleTenant): OperationExamples {
  const admin = { id: 1, name: `${tenant.name} Admin`, email: `admin@${tenant.slug}.demo` };
  const origins = {
    key: 'allowedOrigins',
    title: SETTING_TITLES.allowedOrigins,
    description: SETTING_DESCRIPTIONS.allowedOrigins,
    editable: true,
    holdsSecrets: false,
    schema: settingFormSchema('allowedOrigins'),
  };
  const shop = `https://shop.${tenant.slug}.example`;
  const consoleOrigin = `https://admin.${tenant.slug}.example`;
  const payments = {
    key: 'payments',
    title: SETTING_TITLES.payments,
    description: SETTING_DESCRIPTIONS.payments,
    editable: true,
    holdsSecrets: true,
    schema: paymentsForm(),
    value: {
      provider: 'xendit',
      xendit: {
        baseUrl: 'https://api.xendit.co',
        secretKey: { set: true, last4: 'f3a9' },
        callbackToken: { set: true, last4: '71c2' },
      },
    },
  };
  // the second day three quarters of the first
  const figures = [1, 0.75].map((share) =>
    Object.fromEntries(tenant.metrics.map((m) => [m, Math.floor((tenant.day[m] ?? 0) * share)])),
  );
  const days = figures.map((values, i) => ({ date: i === 0 ? '2026-02-02' : '2026-02-03', ...values }));
  const totals = Object.fromEntries(tenant.metrics.map((m) => [m, figures[0]![m]! + figures[1]![m]!]));
  const message = {
    id: 412,
    channel: 'email',
    recipient: 'sit***@example.com',
    subject: 'Your order has shipped',
    status: 'failed',
    attempts: 5,
    lastError: 'connect ECONNREFUSED 10.0.0.7:587',
    nextAttemptAt: '2026-02-03T10:30:00.000Z',
    createdAt: '2026-02-03T09:00:00.000Z',
    sentAt: null,
    deliveryStatus: null,
  };
  return {
    'POST /admin/console/auth/login': {
      request: { email: admin.email, password: 'correct horse battery staple' },
      response: { ...TOKENS, account: admin },
    },
    'POST /admin/console/auth/refresh': {
      request: { refreshToken: TOKENS.refreshToken },
      response: { ...TOKENS, account: admin },
    },
    'POST /admin/console/auth/logout': { request: {}, response: { signedOut: true } },
    'GET /admin/console/me': {
      request: {},
      response: {
        account: admin,
        roles: ['admin'],
        tenant: {
          slug: tenant.slug,
          name: tenant.name,
          profile: tenant.profile,
          profiles: tenant.profiles,
          currency: tenant.currency,
          currencyDigits: 0,
          timeZone: tenant.timeZone,
          locales: tenant.locales,
        },
        sections: tenant.sections,
        dashboardMetrics: tenant.metrics,
      },
    },
    'GET /admin/console/settings': {
      request: {},
      response: { settings: [payments, { ...origins, value: [shop] }] },
    },
    'PUT /admin/console/settings/{key}': {
      request: { key: 'allowedOrigins', value: [shop, consoleOrigin] },
      response: { ...origins, value: [shop, consoleOrigin] },
    },
    'GET /admin/console/jobs/runs': {
      request: { page: 1, perPage: 20, status: 'succeeded' },
      response: {
        jobs: [tenant.job],
        runs: [
          {
            id: 981,
            name: tenant.job,
            status: 'succeeded',
            startedAt: AT,
            finishedAt: '2026-02-03T10:00:01.250Z',
            durationMs: 1250,
            processed: 14,
            error: null,
          },
        ],
        pagination: { page: 1, perPage: 20, total: 1, lastPage: 1 },
      },
    },
    'GET /admin/console/outbox': {
      request: { page: 1, perPage: 20, status: 'failed' },
      response: { messages: [message], pagination: { page: 1, perPage: 20, total: 1, lastPage: 1 } },
    },
    'POST /admin/console/outbox/{id}/retry': {
      request: { id: 412 },
      response: { ...message, status: 'pending', attempts: 0, nextAttemptAt: null },
    },
    'GET /admin/console/dashboard': {
      request: { from: '2026-02-02', to: '2026-02-03' },
      response: {
        currency: tenant.currency,
        timeZone: tenant.timeZone,
        from: '2026-02-02',
        to: '2026-02-03',
        metrics: tenant.metrics.map((key) => ({ key, unit: COUNTS.includes(key) ? 'count' : 'money' })),
        days,
        totals,
        now: tenant.now ?? {},
      },
    },
  };
}

/** dtehm-mobile's plan preview: the default plan against a draft with a richer stockist rate. */
export const mlmPreviewExample: OperationExamples = {
  'POST /admin/console/mlm-plan/preview': {
    request: {
      plan: { stockistRateBps: 1000, generationRatesBps: [300, 250, 200] },
      amount: 100000,
      uplines: 2,
      withStockist: true,
    },
    response: {
      currency: 'UGX',
      amount: 100000,
      draft: {
        lines: [
          { level: 'Stockist', kind: 'stockist', generation: 0, rateBps: 1000, amount: 10000 },
          { level: 'GN1', kind: 'network', generation: 1, rateBps: 300, amount: 3000 },
          { level: 'GN2', kind: 'network', generation: 2, rateBps: 250, amount: 2500 },
        ],
        stockistAmount: 10000,
        networkAmount: 5500,
        totalAmount: 15500,
        retainedAmount: 84500,
      },
      current: {
        lines: [
          { level: 'Stockist', kind: 'stockist', generation: 0, rateBps: 800, amount: 8000 },
          { level: 'GN1', kind: 'network', generation: 1, rateBps: 300, amount: 3000 },
          { level: 'GN2', kind: 'network', generation: 2, rateBps: 250, amount: 2500 },
        ],
        stockistAmount: 8000,
        networkAmount: 5500,
        totalAmount: 13500,
        retainedAmount: 86500,
      },
    },
  },
};
