/**
 * Each order's lines (product and quantity) from when they are written until the order's
 * event is made, for every order of a run at once: one list per order, linked through typed
 * columns outside V8's heap, and each product (the same object) held once. A run holds
 * hundreds of thousands of such lines until its last batch: as JavaScript arrays they were
 * most of what its heap kept alive at the end, and V8 lets the heap grow to a multiple of what
 * it keeps alive before collecting again.
 */
export class PendingLines<Product> {
  private readonly products: Product[] = [];
  private readonly productIndex = new Map<Product, number>();
  private product = new Int32Array(4096);
  /** Float64: every quantity a line may carry stays exact. */
  private quantity = new Float64Array(4096);
  /** The next line of the same order, or -1. */
  private next = new Int32Array(4096);
  private length = 0;

  /** A new, empty list; its lines are added with `add`. */
  list(): PendingList {
    return { first: -1, last: -1, length: 0 };
  }

  add(list: PendingList, product: Product, quantity: number): void {
    if (this.length === this.next.length) this.grow();
    const line = this.length++;
    this.product[line] = this.indexOf(product);
    this.quantity[line] = quantity;
    this.next[line] = -1;
    if (list.last === -1) list.first = line;
    else this.next[list.last] = line;
    list.last = line;
    list.length += 1;
  }

  /** The list's lines in the order they were added, each made by `line`. */
  map<T>(list: PendingList, line: (product: Product, quantity: number) => T): T[] {
    const lines: T[] = [];
    for (let at = list.first; at !== -1; at = this.next[at]!) lines.push(line(this.products[this.product[at]!]!, this.quantity[at]!));
    return lines;
  }

  private indexOf(product: Product): number {
    let index = this.productIndex.get(product);
    if (index === undefined) {
      index = this.products.push(product) - 1;
      this.productIndex.set(product, index);
    }
    return index;
  }

  private grow(): void {
    const capacity = this.next.length * 2;
    this.product = grown(this.product, new Int32Array(capacity));
    this.quantity = grown(this.quantity, new Float64Array(capacity));
    this.next = grown(this.next, new Int32Array(capacity));
  }
}

/** One order's lines in a PendingLines. */
export interface PendingList {
  first: number;
  last: number;
  length: number;
}

function grown<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
