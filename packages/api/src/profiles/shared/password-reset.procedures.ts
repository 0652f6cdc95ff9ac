import type { TRPCRouterRecord } from '@trpc/server';
import type { z } from 'zod';
import { credentialProcedure, type Meta } from '../../kernel/trpc.ts';

/** One step's words in the profile's document: its summary, description and extra error statuses. */
interface StepDoc {
  summary: string;
  description?: string;
  errors?: number[];
  /** what the step answers with on success */
  message: string;
}

/** The profile's `{ message }` answer. */
type MessageOutput = z.ZodType<{ message: string }, { message: string }>;

export interface PasswordResetOptions<
  Forgot extends z.ZodType<{ email: string }>,
  Reset extends z.ZodType<{ token: string }>,
> {
  tags: string[];
  output: MessageOutput;
  forgot: StepDoc & { input: Forgot };
  reset: StepDoc & { input: Reset; newPassword: (input: z.output<Reset>) => string };
}

/** A step's meta in the order every profile writes it; absent words stay absent from the document. */
function meta(path: `/${string}`, tags: string[], doc: StepDoc): Meta {
  return {
    openapi: {
      method: 'POST',
      path,
      tags,
      protect: false,
      summary: doc.summary,
      ...(doc.description !== undefined && { description: doc.description }),
    },
    ...(doc.errors !== undefined && { errors: doc.errors }),
  };
}

/**
 * Forgot / reset password (`POST /auth/forgot-password`, `POST /auth/reset-password`): the same two
 * steps in every profile that has them; each passes its schemas, document words and messages.
 */
export function passwordResetProcedures<
  Forgot extends z.ZodType<{ email: string }>,
  Reset extends z.ZodType<{ token: string }>,
>(options: PasswordResetOptions<Forgot, Reset>) {
  const { tags, output, forgot, reset } = options;
  return {
    forgotPassword: credentialProcedure
      .meta(meta('/auth/forgot-password', tags, forgot))
      .input(forgot.input)
      .output(output)
      .mutation(async ({ ctx, input }) => {
        // The same answer whether or not the email is registered.
        await ctx.services.passwordResets.request(ctx.scope(), input.email, {
          resetUrl: `${ctx.baseUrl}/reset-password`,
          appName: ctx.tenant.name,
        });
        return { message: forgot.message };
      }),

    resetPassword: credentialProcedure
      .meta(meta('/auth/reset-password', tags, reset))
      .input(reset.input)
      .output(output)
      .mutation(async ({ ctx, input }) => {
        // tRPC cannot see through the generic parser to its output type; it is the schema's output.
        const newPassword = reset.newPassword(input as z.output<Reset>);
        await ctx.services.passwordResets.reset(ctx.scope(), input.token, newPassword);
        return { message: reset.message };
      }),
  } satisfies TRPCRouterRecord;
}
