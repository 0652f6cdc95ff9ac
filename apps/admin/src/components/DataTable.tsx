import { Alert, Box, Button, Group, Pagination, Progress, Table, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { messageOf } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

export interface Column<Row> {
  key: string;
  header: string;
  render: (row: Row) => ReactNode;
  /** the API's sort key, when the server sorts by this column */
  sortKey?: string;
  numeric?: boolean;
}

export interface Sort {
  key: string;
  order: 'asc' | 'desc';
}

export interface DataTableProps<Row> {
  /** the table's accessible name */
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  page: number;
  pageCount: number;
  total?: number;
  onPage: (page: number) => void;
  sort?: Sort;
  onSort?: (sort: Sort) => void;
  /** a request is under way (the previous page stays shown meanwhile) */
  fetching: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** filters and search, above the table */
  toolbar?: ReactNode;
}

/**
 * A page of a server-side list: the server filters, sorts and paginates; this shows the page it
 * answered, the sort of each sortable column (aria-sort), a progress bar while the next answer is
 * on its way, and the API's error with a retry.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { t, number } = useI18n();
  const { columns, rows, sort, onSort } = props;

  const header = (column: Column<Row>) => {
    if (!column.sortKey || !onSort) return column.header;
    const active = sort?.key === column.sortKey;
    const Icon = !active ? IconSelector : sort.order === 'asc' ? IconChevronUp : IconChevronDown;
    return (
      <UnstyledButton
        onClick={() =>
          onSort({ key: column.sortKey!, order: active && sort.order === 'asc' ? 'desc' : 'asc' })
        }
        aria-label={t.common.sortBy(column.header)}
        fw={600}
        fz="sm"
      >
        <Group gap={4} wrap="nowrap">
          {column.header}
          <Icon size={14} aria-hidden />
        </Group>
      </UnstyledButton>
    );
  };

  return (
    <Box>
      {props.toolbar && (
        <Group mb="md" align="flex-end" wrap="wrap">
          {props.toolbar}
        </Group>
      )}
      <Progress
        value={100}
        animated
        size="xs"
        aria-label={t.common.loading}
        style={{ visibility: props.fetching ? 'visible' : 'hidden' }}
      />
      {props.error !== undefined && props.error !== null && (
        <Alert color="red" title={t.common.error} my="sm">
          <Text size="sm">{messageOf(props.error)}</Text>
          {props.onRetry && (
            <Button size="xs" mt="xs" variant="outline" color="red" onClick={props.onRetry}>
              {t.common.retry}
            </Button>
          )}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }} className="visually-hidden">
            {props.caption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th
                  key={column.key}
                  ta={column.numeric ? 'right' : undefined}
                  aria-sort={
                    column.sortKey && sort?.key === column.sortKey
                      ? sort.order === 'asc'
                        ? 'ascending'
                        : 'descending'
                      : undefined
                  }
                >
                  {header(column)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows?.map((row) => (
              <Table.Tr key={props.rowKey(row)}>
                {columns.map((column) => (
                  <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined}>
                    {column.render(row)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
            {rows?.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text ta="center" py="lg">
                    {t.common.noRows}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows === undefined && (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text ta="center" py="lg">
                    {t.common.loading}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="md">
        <Text size="sm">
          {t.common.pageOf(props.page, Math.max(1, props.pageCount))}
          {props.total !== undefined && ` · ${t.common.rowsTotal(number(props.total))}`}
        </Text>
        {props.pageCount > 1 && (
          <Pagination
            total={props.pageCount}
            value={props.page}
            onChange={props.onPage}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': control })}
            getItemProps={(page) => ({ 'aria-label': t.common.pageOf(page, props.pageCount) })}
          />
        )}
      </Group>
    </Box>
  );
}
