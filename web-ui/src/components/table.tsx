// A table whose rows the server sorts and pages, built on TanStack Table; order and page live in the URL.
import type { ComponentChildren } from 'preact';
import {
  rowPaginationFeature,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
  type RowData,
  type Updater,
} from '@tanstack/preact-table';

export const serverTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature, rowSelectionFeature });
export type Features = typeof serverTableFeatures;
export type Column<T extends RowData> = ColumnDef<Features, T, any>;

/** Calamari's ordering parameter ("-reweight") as TanStack's sorting state, and back. */
export function sortingOf(ordering: string | undefined): SortingState {
  if (!ordering) return [];
  const desc = ordering.startsWith('-');
  return [{ id: desc ? ordering.slice(1) : ordering, desc }];
}

export function orderingOf(sorting: SortingState): string {
  const [first] = sorting;
  return first ? `${first.desc ? '-' : ''}${first.id}` : '';
}

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;
}

export function ServerTable<T extends RowData>({ label, columns, rows, rowCount, rowId, ordering, onOrdering, page, pageSize, onPage,
                                 selection, onSelection, footer }: {
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowCount: number;
  rowId: (row: T) => string;
  /** Without these, the server keeps its own order and no column sorts. */
  ordering?: string;
  onOrdering?: (ordering: string) => void;
  /** From 1, as the API counts. */
  page: number;
  pageSize: number;
  onPage: (page: number) => void;
  selection?: RowSelectionState;
  onSelection?: (selection: RowSelectionState) => void;
  footer?: ComponentChildren;
}) {
  const sorting = sortingOf(ordering);
  const pagination = { pageIndex: page - 1, pageSize };
  const table = useTable({
    features: serverTableFeatures,
    columns,
    data: rows,
    getRowId: rowId,
    manualSorting: true,
    manualPagination: true,
    enableSorting: onOrdering !== undefined,
    enableMultiSort: false,
    enableRowSelection: !!onSelection,
    rowCount,
    state: { sorting, pagination, rowSelection: selection ?? {} },
    onSortingChange: (updater) => onOrdering?.(orderingOf(resolve(updater, sorting))),
    onPaginationChange: (updater) => onPage(resolve(updater, pagination).pageIndex + 1),
    onRowSelectionChange: (updater) => onSelection?.(resolve(updater, selection ?? {})),
  });
  const pages = Math.max(1, Math.ceil(rowCount / pageSize));
  return (
    <div class="table-wrap">
      <table aria-label={label}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const content = <table.FlexRender header={header} />;
                return (
                  <th key={header.id} aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {header.column.getCanSort() ? (
                      <button type="button" class="sort" onClick={header.column.getToggleSortingHandler()}>
                        {content}<span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                      </button>
                    ) : content}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} class={row.getIsSelected() ? 'selected' : undefined}>
              {row.getAllCells().map((cell) => <td key={cell.id}><table.FlexRender cell={cell} /></td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <div class="pager">
        <span class="sub">{rowCount} in all{footer}</span>
        <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>Previous</button>
        <span>Page {page} of {pages}</span>
        <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>Next</button>
      </div>
    </div>
  );
}

/** The checkbox column: select rows for an action on several at once. */
export function selectColumn<T extends RowData>(describe: (row: T) => string): Column<T> {
  return {
    id: 'select',
    enableSorting: false,
    header: ({ table }) => (
      <input type="checkbox" aria-label="Select every row on this page" checked={table.getIsAllPageRowsSelected()}
             indeterminate={table.getIsSomePageRowsSelected()} onClick={table.getToggleAllPageRowsSelectedHandler()} />
    ),
    cell: ({ row }) => (
      <input type="checkbox" aria-label={`Select ${describe(row.original)}`} checked={row.getIsSelected()}
             onClick={row.getToggleSelectedHandler()} />
    ),
  };
}
