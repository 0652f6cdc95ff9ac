/**
 * The import graph's rules: `pnpm lint:imports` (part of `pnpm lint`) fails on an arrow that
 * runs up a layer, or on a cycle. The layers of packages/api, bottom to top, and why they are
 * ordered so, are drawn in docs/architecture.md.
 */
const API = '^packages/api/src';

/** Bottom to top: a layer imports only layers before it (and itself). */
const LAYERS = [
  ['kernel', `${API}/kernel/`],
  ['contexts', `${API}/contexts/`],
  ['profiles', `${API}/profiles/`],
  ['composition', `${API}/composition/`],
  ['entry', `${API}/(index\\.ts$|client\\.ts$|testing/)`],
];

/** The contexts, bottom to top: a context imports only contexts before it. */
const CONTEXTS = [
  'tenancy',
  // every administrator's action (any context's admin procedures write to it)
  'audit',
  'jobs',
  'ledger',
  'notifications',
  'identity',
  'files',
  'payments',
  'catalog',
  'network',
  'commerce',
  'voucher-affiliates',
  'referral-affiliates',
  // koperasi-sinoman: savings accounts, the members who hold them, programmes they join, reports over all
  'savings',
  'cooperative',
  'programmes',
  'reporting',
  // the platform (administrators, creating tenants, editing settings) sits above every tenant's contexts
  'platform',
];

const above = (list, i) => list.slice(i + 1);

const layerRules = LAYERS.slice(0, -1).map(([name, path], i) => ({
  name: `${name}-imports-nothing-above`,
  comment: `${name} may not import ${above(LAYERS, i)
    .map(([n]) => n)
    .join(', ')}: the arrow would run up a layer`,
  severity: 'error',
  from: { path },
  to: { path: above(LAYERS, i).map(([, p]) => p) },
}));

const contextRules = CONTEXTS.slice(0, -1).map((name, i) => ({
  name: `context-${name}-imports-no-context-above`,
  comment: `contexts/${name} may not import ${above(CONTEXTS, i).join(', ')}`,
  severity: 'error',
  from: { path: `${API}/contexts/${name}/` },
  to: { path: above(CONTEXTS, i).map((c) => `${API}/contexts/${c}/`) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'files that import each other in a loop',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    ...contextRules,
    {
      name: 'domain-is-pure',
      comment: 'packages/domain holds the rules: it imports no other package of ours and no I/O',
      severity: 'error',
      from: { path: '^packages/domain/src/' },
      to: { path: ['^packages/(api|sdk)/', '^apps/', '^node:(fs|net|http|https|child_process)'] },
    },
    {
      name: 'profile-imports-no-other-profile',
      comment:
        "a profile is one documented app: it shares code through profiles/shared, not another profile's files",
      severity: 'error',
      from: { path: `${API}/profiles/([^/]+)/` },
      to: { path: `${API}/profiles/`, pathNot: [`${API}/profiles/$1/`, `${API}/profiles/shared/`] },
    },
    {
      name: 'apps-use-the-api-package-entry',
      comment: 'apps import @komisi/api (or @komisi/api/testing), never a file inside it',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: `${API}/`, pathNot: `${API}/(index\\.ts|testing/index\\.ts)$` },
    },
    {
      name: 'admin-app-uses-only-the-sdk',
      comment:
        'apps/admin is a frontend as any outside app: it reaches the server through @komisi/sdk only, never the API, the domain or another app (its package names no other workspace package, so only a relative path could)',
      severity: 'error',
      from: { path: '^apps/admin/' },
      to: { path: ['^packages/(api|domain)/', '^apps/(?!admin/)'] },
    },
    {
      name: 'profiles-never-touch-the-orm',
      comment: 'a procedure calls services with its Scope; persistence stays in the contexts',
      severity: 'error',
      from: { path: `${API}/profiles/` },
      to: { path: 'node_modules/@mikro-orm/' },
    },
    {
      name: 'schemas-import-only-zod-and-the-domain',
      comment:
        "a schema (`*.schemas.ts`, a procedure's `*.types.ts`) describes the wire: it may not reach a service",
      severity: 'error',
      from: { path: `${API}/profiles/.+\\.(schemas|types)\\.ts$` },
      to: { path: [`${API}/contexts/`, `${API}/composition/`], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    parser: 'swc',
    includeOnly: '^(packages|apps)/',
    exclude: { path: ['\\.test\\.ts$', '/node_modules/', '/dist/'] },
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
