/**
 * Targets waiting for a leftover pack, the lowest share of need (covered / need) first;
 * among equal shares the one missing more (the larger need), then by slot (slots are
 * numbered in warehouse-id order). A binary heap: a product's
 * leftover packs are handed out in O(targets · log targets).
 */
export class ShareQueue {
  private readonly heap: number[] = [];

  constructor(
    private readonly covered: readonly number[],
    private readonly need: readonly number[],
  ) {}

  /** Starts over with every slot whose need is not yet covered. */
  fill(): void {
    this.heap.length = 0;
    for (let slot = 0; slot < this.need.length; slot++) if (this.covered[slot]! < this.need[slot]!) this.heap.push(slot);
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.sink(i);
  }

  /** The slot with the lowest share, or -1 when none is waiting. */
  peek(): number {
    return this.heap.length > 0 ? this.heap[0]! : -1;
  }

  pop(): void {
    const last = this.heap.pop();
    if (last === undefined || this.heap.length === 0) return;
    this.heap[0] = last;
    this.sink(0);
  }

  /** Call after the first slot's `covered` grew: it moves back behind lower shares. */
  reorderFirst(): void {
    this.sink(0);
  }

  /** a/b < c/d ⇔ a·d < c·b for positive needs: exact on integers, no rounding. */
  private before(a: number, b: number): boolean {
    const left = this.covered[a]! * this.need[b]!;
    const right = this.covered[b]! * this.need[a]!;
    if (left !== right) return left < right;
    return this.need[a] !== this.need[b] ? this.need[a]! > this.need[b]! : a < b;
  }

  private sink(from: number): void {
    const { heap } = this;
    let i = from;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const child = right < heap.length && this.before(heap[right]!, heap[left]!) ? right : left;
      if (!this.before(heap[child]!, heap[i]!)) return;
      [heap[i], heap[child]] = [heap[child]!, heap[i]!];
      i = child;
    }
  }
}
