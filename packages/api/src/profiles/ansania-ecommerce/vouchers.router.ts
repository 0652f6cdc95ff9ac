import type { TRPCRouterRecord } from '@trpc/server';

export const vouchersRouter = {} satisfies TRPCRouterRecord;
