import { DomainError } from '@komisi/domain';
import type { Scope } from '../../kernel/scope.ts';
import { type ContentKind, ProgramContent } from './program-content.entity.ts';

export interface ContentInput {
  kind: ContentKind;
  title: string;
  body?: string | null | undefined;
  category?: string | null | undefined;
  imageUrl?: string | null | undefined;
  imageFile?: number | null | undefined;
  size?: string | null | undefined;
  position?: number | undefined;
  active?: boolean | undefined;
}

/** Materials and FAQ the admins manage and affiliates read (only active entries, in position order). */
export class ProgramContentService {
  async list(scope: Scope, kinds: ContentKind[], options: { includeInactive?: boolean } = {}) {
    return scope.em.find(
      ProgramContent,
      { kind: { $in: kinds }, ...(options.includeInactive ? {} : { active: true }) },
      { orderBy: { kind: 'asc', position: 'asc', id: 'asc' } },
    );
  }

  async create(scope: Scope, input: ContentInput): Promise<ProgramContent> {
    const entry = scope.em.create(ProgramContent, {
      tenant: scope.tenant.id,
      kind: input.kind,
      title: input.title,
      body: input.body ?? null,
      category: input.category ?? null,
      imageUrl: input.imageUrl ?? null,
      imageFile: input.imageFile ?? null,
      size: input.size ?? null,
      position: input.position ?? 0,
      active: input.active ?? true,
      createdAt: scope.now,
    });
    await scope.em.flush();
    return entry;
  }

  async update(
    scope: Scope,
    id: number,
    changes: Partial<Omit<ContentInput, 'kind'>>,
  ): Promise<ProgramContent> {
    const entry = await scope.em.findOne(ProgramContent, { id });
    if (!entry) throw new DomainError('NOT_FOUND', 'Content not found');
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) Object.assign(entry, { [key]: value });
    }
    await scope.em.flush();
    return entry;
  }

  async remove(scope: Scope, id: number): Promise<void> {
    const removed = await scope.em.nativeDelete(ProgramContent, { id });
    if (removed === 0) throw new DomainError('NOT_FOUND', 'Content not found');
  }
}
