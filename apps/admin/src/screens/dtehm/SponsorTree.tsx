import { Group, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { createContext, type KeyboardEvent, useContext, useState } from 'react';
import { messageOf } from '../../api/errors.ts';
import { dtehm } from '../../api/trpc.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { StandingBadge } from './dtehm-format.tsx';
import './sponsor-tree.css';

/** Members shown per level and per "show more". */
const PER_PAGE = 20;

export interface TreeMember {
  id: number;
  name: string;
  member_id: string | null;
  status?: string;
}

interface TreeContext {
  /** the item holding the tree's one tab stop (roving tabindex) */
  active: string;
  setActive(key: string): void;
  onOpen(id: number): void;
}
const Ctx = createContext<TreeContext | null>(null);
const useTree = () => useContext(Ctx)!;

/**
 * A member's downline as an expandable tree (the WAI-ARIA tree pattern: arrows move and open,
 * Enter opens the member, Home/End). Each level is read when opened, one page at a time, through
 * `admin.memberNetwork` (level 1 of the member opened: their direct referrals).
 */
export function SponsorTree({ root, onOpen }: { root: TreeMember; onOpen: (id: number) => void }) {
  const { t } = useI18n();
  const [active, setActive] = useState(`m${root.id}`);
  return (
    <Ctx.Provider value={{ active, setActive, onOpen }}>
      <div role="tree" aria-label={t.dtehm.tree.label(root.name)} className="sponsor-tree">
        <TreeNode member={root} level={1} position={1} size={1} initiallyOpen />
      </div>
    </Ctx.Provider>
  );
}

/** The items of the tree as they are shown, in order (closed branches are not rendered). */
const itemsOf = (el: HTMLElement) =>
  Array.from(el.closest('[role="tree"]')?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? []);

function moveFocus(from: HTMLElement, to: HTMLElement | undefined | null) {
  if (to && to !== from) to.focus();
}

/** Indentation of a level: the tree is one flat list of items, each with its `aria-level`. */
const indent = (level: number) => ({ paddingLeft: `calc(${level - 1} * 1.5rem)` });

function TreeNode(props: {
  member: TreeMember;
  level: number;
  position: number;
  size: number;
  parentKey?: string;
  initiallyOpen?: boolean;
}) {
  const { member, level } = props;
  const tree = useTree();
  const key = `m${member.id}`;
  const [open, setOpen] = useState(props.initiallyOpen ?? false);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    const items = itemsOf(el);
    const at = items.indexOf(el);
    const handled = () => e.preventDefault();
    switch (e.key) {
      case 'ArrowDown':
        handled();
        return moveFocus(el, items[at + 1]);
      case 'ArrowUp':
        handled();
        return moveFocus(el, items[at - 1]);
      case 'Home':
        handled();
        return moveFocus(el, items[0]);
      case 'End':
        handled();
        return moveFocus(el, items.at(-1));
      case 'ArrowRight': {
        handled();
        if (!open) return setOpen(true);
        const next = items[at + 1];
        return next?.getAttribute('aria-level') === String(level + 1) ? moveFocus(el, next) : undefined;
      }
      case 'ArrowLeft':
        handled();
        if (open) return setOpen(false);
        return moveFocus(
          el,
          items.find((item) => item.dataset.key === props.parentKey),
        );
      case 'Enter':
        handled();
        return tree.onOpen(member.id);
    }
  };

  return (
    <>
      <div
        role="treeitem"
        aria-level={level}
        aria-posinset={props.position}
        aria-setsize={props.size}
        aria-expanded={open}
        tabIndex={tree.active === key ? 0 : -1}
        data-key={key}
        onFocus={() => tree.setActive(key)}
        onKeyDown={onKeyDown}
        onClick={(e) => {
          if ((e.target as HTMLElement).closest('.sponsor-tree-toggle')) setOpen(!open);
          else tree.onOpen(member.id);
        }}
        style={indent(level)}
      >
        <Group gap={6} wrap="nowrap" className="sponsor-tree-row">
          <span className="sponsor-tree-toggle" aria-hidden>
            {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
          </span>
          <Text size="sm" fw={500} span>
            {member.name}
          </Text>
          {member.member_id && (
            <Text size="xs" c="gray.7" span>
              {member.member_id}
            </Text>
          )}
          {member.status && <StandingBadge status={member.status} />}
        </Group>
      </div>
      {open && <TreeChildren parentKey={key} parentId={member.id} level={level + 1} />}
    </>
  );
}

/** Up, down, Home and End on an item that is not a member's (the "show more" item). */
function moveWithArrows(e: KeyboardEvent<HTMLDivElement>) {
  const items = itemsOf(e.currentTarget);
  const at = items.indexOf(e.currentTarget);
  const to = { ArrowDown: items[at + 1], ArrowUp: items[at - 1], Home: items[0], End: items.at(-1) }[e.key];
  if (to) {
    e.preventDefault();
    moveFocus(e.currentTarget, to);
  }
}

/** A line of the tree that is no member (loading, none, an error): an item the arrows pass over. */
function Note(props: { level: number; color?: string; children: string }) {
  return (
    <div
      role="treeitem"
      aria-level={props.level}
      aria-disabled="true"
      tabIndex={-1}
      onKeyDown={moveWithArrows}
      className="sponsor-tree-note"
      style={indent(props.level)}
    >
      <Text size="sm" c={props.color ?? 'gray.7'}>
        {props.children}
      </Text>
    </div>
  );
}

const pageNumbers = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

/** One member's direct referrals, page after page as the reader asks for more. */
function TreeChildren(props: { parentKey: string; parentId: number; level: number }) {
  const [pages, setPages] = useState(1);
  return pageNumbers(pages).map((page) => (
    <ChildPage key={page} {...props} page={page} last={page === pages} onMore={() => setPages(pages + 1)} />
  ));
}

function ChildPage(props: {
  parentKey: string;
  parentId: number;
  level: number;
  page: number;
  last: boolean;
  onMore(): void;
}) {
  const { t, number } = useI18n();
  const trpc = dtehm.useTRPC();
  const tree = useTree();
  const answer = useQuery(
    trpc.admin.memberNetwork.queryOptions({
      id: props.parentId,
      level: '1',
      page: props.page,
      per_page: PER_PAGE,
    }),
  );
  if (answer.isPending) return <Note level={props.level}>{t.common.loading}</Note>;
  if (answer.isError)
    return (
      <Note level={props.level} color="red.8">
        {messageOf(answer.error)}
      </Note>
    );
  const { network, pagination } = answer.data;
  const moreKey = `more${props.parentId}`;
  return (
    <>
      {pagination.total === 0 && <Note level={props.level}>{t.dtehm.tree.empty}</Note>}
      {network.map((m, i) => (
        <TreeNode
          key={m.id}
          member={{
            id: m.id,
            name: m.name,
            member_id: m.dtehm_member_id ?? m.dip_member_id,
            status: m.status,
          }}
          level={props.level}
          parentKey={props.parentKey}
          position={(props.page - 1) * PER_PAGE + i + 1}
          size={pagination.total}
        />
      ))}
      {props.last && pagination.last_page > props.page && (
        // "show more" is an item of the tree too, so the arrows reach it
        <div
          role="treeitem"
          aria-level={props.level}
          tabIndex={tree.active === moreKey ? 0 : -1}
          data-key={moreKey}
          onFocus={() => tree.setActive(moreKey)}
          onClick={props.onMore}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault();
              props.onMore();
            } else moveWithArrows(e);
          }}
          className="sponsor-tree-more"
          style={indent(props.level)}
        >
          <Text size="sm" c="blue.8">
            {t.dtehm.tree.more} ({number(pagination.total - props.page * PER_PAGE)})
          </Text>
        </div>
      )}
    </>
  );
}
