// Typed clients per app profile. Routers are imported as types only: no server code ships here.
// The router types are exported too, for a tRPC client of one's own (React Query, another link
// chain): every Komisi router uses superjson as its transformer.
export type {
  AffiliateMarketerRouter,
  AnsaniaRouter,
  ConsoleRouter,
  DtehmRouter,
  PlatformRouter,
  QutabRouter,
  SinomanRouter,
} from '@komisi/api/client';
export {
  type AffiliateMarketerClient,
  type AffiliateMarketerInputs,
  type AffiliateMarketerOutputs,
  createAffiliateMarketerClient,
} from './affiliate-marketer.client.ts';
export {
  type AnsaniaClient,
  type AnsaniaInputs,
  type AnsaniaOutputs,
  type AnsaniaSession,
  createAnsaniaClient,
} from './ansania.client.ts';
export {
  createSessionClient,
  type FetchLike,
  type KomisiClientOptions,
  platformTrpcUrl,
  tenantTrpcUrl,
  withMethods,
} from './client.ts';
export {
  type ConsoleClient,
  type ConsoleInputs,
  type ConsoleOutputs,
  type ConsoleSession,
  createConsoleClient,
} from './console.client.ts';
export {
  createDtehmClient,
  type DtehmClient,
  type DtehmInputs,
  type DtehmOutputs,
  type DtehmSession,
} from './dtehm.client.ts';
export { isKomisiError, isUnauthorized, KomisiClientError, type KomisiErrorCode } from './errors.ts';
export {
  createPlatformClient,
  type PlatformClient,
  type PlatformClientOptions,
  type PlatformInputs,
  type PlatformOutputs,
  type PlatformSession,
} from './platform.client.ts';
export {
  createQutabClient,
  type QutabClient,
  type QutabInputs,
  type QutabOutputs,
  type QutabSession,
} from './qutab.client.ts';
export { type SessionLinkOptions, sessionLink } from './session-link.ts';
export {
  createSinomanClient,
  type SinomanClient,
  type SinomanInputs,
  type SinomanOutputs,
  type SinomanSession,
} from './sinoman.client.ts';
export { memoryTokenStore, type TokenStore, type Tokens } from './token-store.ts';
