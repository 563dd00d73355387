/**
 * The planning snapshot held as columns of numbers: a network's million rules and stock rows
 * cost a few bytes a value, not an object each, and 1С's answers are dropped as soon as they
 * are copied in. Warehouses are numbered in 1С's listing sequence, products as first named.
 */

/**
 * A growable column of integers, 4 bytes a value while every value fits in 32 bits (quantities
 * and indexes do: a network's million rules and stock rows are 36 MB less than in float64),
 * 8 from the first that does not: every integer 1С may send stays exact.
 */
export class NumberColumn {
  /** `data`'s first `length` values are the column's (a split's piece comes full). */
  constructor(
    private data: Int32Array | Float64Array = new Int32Array(1024),
    public length = 0,
  ) {}

  push(value: number): void {
    if (this.length === this.data.length) this.data = this.copied(Math.max(1024, this.data.length * 2));
    this.set(this.length++, value);
  }

  at(index: number): number {
    return this.data[index]!;
  }

  add(index: number, value: number): void {
    this.set(index, this.data[index]! + value);
  }

  /**
   * Hands its values out in pieces and is left empty: piece p holds the values order[start[p]]
   * … order[start[p + 1] - 1], in that sequence, exactly as many as that (no room to grow).
   */
  split(order: Int32Array, start: Int32Array): NumberColumn[] {
    const from = this.data;
    const pieces: NumberColumn[] = [];
    for (let piece = 0; piece + 1 < start.length; piece++) {
      const [first, end] = [start[piece]!, start[piece + 1]!];
      const to = from instanceof Int32Array ? new Int32Array(end - first) : new Float64Array(end - first);
      for (let k = first; k < end; k++) to[k - first] = from[order[k]!]!;
      pieces.push(new NumberColumn(to, to.length));
    }
    this.data = new Int32Array(0);
    this.length = 0;
    return pieces;
  }

  private set(index: number, value: number): void {
    if ((value | 0) !== value && this.data instanceof Int32Array) this.data = this.copied(this.data.length, Float64Array);
    this.data[index] = value;
  }

  private copied(capacity: number, kind: Int32ArrayConstructor | Float64ArrayConstructor = this.data instanceof Int32Array ? Int32Array : Float64Array) {
    const copy = new kind(capacity);
    copy.set(this.data);
    return copy;
  }
}

/** Rows of one kind, one per (warehouse, product), with the numbers `Field` names. */
export class SnapshotRows<Field extends string> {
  readonly warehouse: NumberColumn;
  readonly product: NumberColumn;
  readonly values: Record<Field, NumberColumn>;

  /** Empty rows, or rows of the columns given (all of one length). */
  constructor(
    readonly fields: readonly Field[],
    columns?: { warehouse: NumberColumn; product: NumberColumn; values: Record<Field, NumberColumn> },
  ) {
    this.warehouse = columns?.warehouse ?? new NumberColumn();
    this.product = columns?.product ?? new NumberColumn();
    this.values = columns?.values ?? (Object.fromEntries(fields.map((field) => [field, new NumberColumn()])) as Record<Field, NumberColumn>);
  }

  get length(): number {
    return this.warehouse.length;
  }

  /** Appends a row; returns its index. */
  push(warehouse: number, product: number, values: Readonly<Record<Field, number>>): number {
    this.warehouse.push(warehouse);
    this.product.push(product);
    for (const field of this.fields) this.values[field].push(values[field]);
    return this.warehouse.length - 1;
  }

  /**
   * Hands its rows out in pieces (NumberColumn.split), one column at a time so that no more
   * than one column is held twice, and is left empty: piece p holds the rows order[start[p]]
   * … order[start[p + 1] - 1].
   */
  split(order: Int32Array, start: Int32Array): SnapshotRows<Field>[] {
    const warehouse = this.warehouse.split(order, start);
    const product = this.product.split(order, start);
    const values = this.fields.map((field) => this.values[field].split(order, start));
    return warehouse.map(
      (_, piece) =>
        new SnapshotRows(this.fields, {
          warehouse: warehouse[piece]!,
          product: product[piece]!,
          values: Object.fromEntries(this.fields.map((field, index) => [field, values[index]![piece]!])) as Record<Field, NumberColumn>,
        }),
    );
  }

  valueOf(field: Field, row: number): number {
    return this.values[field].at(row);
  }
}

export const RULE_FIELDS = ['min', 'max', 'multiple'] as const;
export const STOCK_FIELDS = ['onHand', 'reserved'] as const;
export type RuleRows = SnapshotRows<(typeof RULE_FIELDS)[number]>;
export type StockRows = SnapshotRows<(typeof STOCK_FIELDS)[number]>;

/** A product as 1С describes it; a norm names only its SKU, a stock line also its name and unit. */
export interface SnapshotProduct {
  sku: string;
  name: string | null;
  unit: string | null;
}

/** Every product a norm or a stock line names, numbered as first named. */
export class SnapshotProducts {
  readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly described: SnapshotProduct[] = [];
  /** The warehouse whose stock line described each product (-1: none yet). */
  private readonly describedBy: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /** The product's number; a product first named here is known by its SKU until a stock line names it. */
  named(id: string, sku: string): number {
    const known = this.index.get(id);
    if (known !== undefined) return known;
    this.index.set(id, this.ids.length);
    this.ids.push(id);
    this.described.push({ sku, name: null, unit: null });
    this.describedBy.push(-1);
    return this.ids.length - 1;
  }

  /**
   * A stock line of warehouse `warehouse` names the product: its SKU, name and unit win over a
   * norm's, and over a line of an earlier warehouse in 1С's listing, whatever answer came first.
   */
  describe(id: string, product: SnapshotProduct, warehouse: number): number {
    const index = this.named(id, product.sku);
    if (warehouse >= this.describedBy[index]!) {
      this.described[index] = product;
      this.describedBy[index] = warehouse;
    }
    return index;
  }

  get(id: string): SnapshotProduct | undefined {
    const index = this.index.get(id);
    return index === undefined ? undefined : this.described[index];
  }

  at(index: number): SnapshotProduct {
    return this.described[index]!;
  }
}
