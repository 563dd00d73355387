/**
 * One product's donors, kept sorted by remaining surplus (largest first, ties by warehouse
 * index = id order) while the allocation takes from them. A take only lowers one donor, so
 * it sinks a few places instead of the whole list being sorted again.
 */
export class DonorQueue {
  private readonly remaining: Float64Array;
  private readonly initial: Float64Array;
  private readonly order: Int32Array;
  private readonly position: Int32Array;
  private count = 0;

  constructor(warehouseCount: number) {
    this.remaining = new Float64Array(warehouseCount);
    this.initial = new Float64Array(warehouseCount);
    this.order = new Int32Array(warehouseCount);
    this.position = new Int32Array(warehouseCount);
  }

  clear(): void {
    this.count = 0;
  }

  /** Adds a donor with something to give (call in any order, then `sort`). */
  add(warehouse: number, surplus: number): void {
    this.order[this.count++] = warehouse;
    this.remaining[warehouse] = surplus;
    this.initial[warehouse] = surplus;
  }

  sort(): void {
    const { remaining } = this;
    this.order.subarray(0, this.count).sort((a, b) => remaining[b]! - remaining[a]! || a - b);
    for (let i = 0; i < this.count; i++) this.position[this.order[i]!] = i;
  }

  /** What all donors can give in whole packs of `pack`: a pack is never split between donors. */
  wholePacks(pack: number): number {
    let total = 0;
    for (let i = 0; i < this.count; i++) total += Math.floor(this.remaining[this.order[i]!]! / pack) * pack;
    return total;
  }

  /** The donor's surplus before any take. */
  surplusOf(warehouse: number): number {
    return this.initial[warehouse]!;
  }

  remainingOf(warehouse: number): number {
    return this.remaining[warehouse]!;
  }

  /** The donor with the most left, or -1 when there is none. */
  largest(): number {
    return this.count > 0 ? this.order[0]! : -1;
  }

  /**
   * The largest donor that can give `quantity` alone and that `accepts` (e.g. one already
   * sending to the target), or -1. Stops at the first donor with too little: all after it have less.
   */
  largestCovering(quantity: number, accepts: (warehouse: number) => boolean): number {
    for (let i = 0; i < this.count; i++) {
      const warehouse = this.order[i]!;
      if (this.remaining[warehouse]! < quantity) return -1;
      if (accepts(warehouse)) return warehouse;
    }
    return -1;
  }

  /** Takes `quantity` from a donor and moves it down past everyone now holding more. */
  take(warehouse: number, quantity: number): void {
    const { order, position, remaining } = this;
    remaining[warehouse] = remaining[warehouse]! - quantity;
    let i = position[warehouse]!;
    while (i + 1 < this.count) {
      const next = order[i + 1]!;
      if (remaining[next]! < remaining[warehouse]! || (remaining[next] === remaining[warehouse] && next > warehouse)) break;
      order[i] = next;
      position[next] = i;
      i++;
    }
    order[i] = warehouse;
    position[warehouse] = i;
  }
}
