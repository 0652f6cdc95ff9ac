import type { ApiContext, RequestInfo } from '../kernel/api-context.ts';
import { type Em, type Orm, tenantEm } from '../kernel/database.ts';
import type { Logger } from '../kernel/logger.ts';
import { requestScope, type Scope } from '../kernel/scope.ts';
import type { Services } from './services.ts';

/** One request's context: the tenant's services, its identity check and a lazily opened Scope. */
export function createApiContext(orm: Orm, services: Services, log: Logger, info: RequestInfo): ApiContext {
  let scope: Scope | undefined;
  return {
    ...info,
    cartToken: info.cartToken,
    cookieHeader: info.cookieHeader,
    apiKey: info.apiKey,
    cookiePolicy: info.cookiePolicy ?? { secure: info.baseUrl.startsWith('https:'), crossSite: false },
    responseHeaders: new Headers(),
    services,
    authenticator: services.identity,
    auditTrail: services.auditLog,
    log,
    scope: () => {
      scope ??= requestScope(
        info.tenant,
        new Date(),
        () => tenantEm(orm, info.tenant.id),
        () => (orm.em as Em).getKysely(),
      );
      return scope;
    },
  };
}
