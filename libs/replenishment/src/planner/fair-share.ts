import { DonorQueue } from './donor-queue';
import { ShareQueue } from './share-queue';

/**
 * Steps 4–6 for one product, on warehouse indices (id order), reused product after product.
 *
 * 1. fairShare = min(1, totalSurplus / totalNeed), where totalSurplus counts each donor's
 *    surplus in whole packs of the smallest multiple among the targets.
 * 2. Each target's quota = need × fairShare, rounded down to its multiple (a whole number of packs).
 * 3. Targets in id order take their quota. Every line is a whole number of the target's packs,
 *    and a pack is never split between donors. The donor is the one with the most surplus
 *    (ties by id), unless a donor already sending this target something in this plan can
 *    give the rest alone: then that one, so the plan has fewer orders.
 * 4. Leftover packs go one at a time to the target with the lowest share covered/need (ties:
 *    the larger need, then id), from a donor already on its lines if it can, until no single
 *    donor has a whole pack for any target still short. The rest (need − covered) is bought outside.
 * When every target shares one multiple, (3) always succeeds and the shares differ by at
 * most one pack; mixed multiples of one product can leave a quota short of it.
 */
export class FairShareAllocator {
  readonly donors: DonorQueue;
  /** Per target slot, in the order added (increasing warehouse index). */
  readonly targetWarehouse: number[] = [];
  readonly need: number[] = [];
  readonly pack: number[] = [];
  readonly quota: number[] = [];
  readonly covered: number[] = [];
  /** Per line: a whole number of packs from one donor to one target slot. */
  readonly lineDonor: number[] = [];
  readonly lineQuantity: number[] = [];
  /** A target's lines as a linked list: firstLine[slot], then lineNext[line] until -1. */
  readonly firstLine: number[] = [];
  readonly lineNext: number[] = [];
  totalNeed = 0;
  totalSurplus = 0;
  fairShare = 1;
  private readonly leftovers = new ShareQueue(this.covered, this.need);
  /** donor × target: 1 once this plan sends anything from the donor to the target. */
  private readonly sending: Uint8Array;
  private currentTarget = 0;
  private readonly sendsToCurrentTarget = (donor: number) => this.sending[donor * this.warehouseCount + this.currentTarget] === 1;

  constructor(private readonly warehouseCount: number) {
    this.donors = new DonorQueue(warehouseCount);
    this.sending = new Uint8Array(warehouseCount * warehouseCount);
  }

  /** Starts a new product; the record of which donor sends to which target is kept. */
  clear(): void {
    for (const list of [this.targetWarehouse, this.need, this.pack, this.quota, this.covered, this.lineDonor, this.lineQuantity, this.firstLine, this.lineNext])
      list.length = 0;
    this.donors.clear();
    [this.totalNeed, this.totalSurplus, this.fairShare] = [0, 0, 1];
  }

  /** Add targets in increasing warehouse index; `need` is a positive whole number of packs. */
  addTarget(warehouse: number, need: number, pack: number): void {
    this.targetWarehouse.push(warehouse);
    this.need.push(need);
    this.pack.push(pack);
    this.covered.push(0);
    this.firstLine.push(-1);
  }

  addDonor(warehouse: number, surplus: number): void {
    if (surplus > 0) this.donors.add(warehouse, surplus);
  }

  allocate(): void {
    const targets = this.need.length;
    if (targets === 0) return;
    this.donors.sort();
    this.totalNeed = this.need.reduce((sum, need) => sum + need, 0);
    this.totalSurplus = this.donors.wholePacks(Math.min(...this.pack));
    const short = this.totalSurplus < this.totalNeed;
    this.fairShare = short ? this.totalSurplus / this.totalNeed : 1;
    for (let slot = 0; slot < targets; slot++) {
      const pack = this.pack[slot]!;
      // Integer arithmetic, so the quota an operator recomputes by hand is the same.
      this.quota.push(short ? Math.floor((this.totalSurplus * this.need[slot]!) / (this.totalNeed * pack)) * pack : this.need[slot]!);
    }
    for (let slot = 0; slot < targets; slot++) this.takeQuota(slot);
    this.handOutLeftoverPacks();
  }

  private takeQuota(slot: number): void {
    const pack = this.pack[slot]!;
    this.currentTarget = this.targetWarehouse[slot]!;
    let open = this.quota[slot]!;
    while (open > 0) {
      let donor = this.donors.largestCovering(open, this.sendsToCurrentTarget);
      let quantity = open;
      if (donor < 0) {
        donor = this.donors.largest();
        quantity = donor < 0 ? 0 : Math.min(open, Math.floor(this.donors.remainingOf(donor) / pack) * pack);
        if (quantity <= 0) return;
      }
      this.give(slot, donor, quantity);
      open -= quantity;
    }
  }

  private handOutLeftoverPacks(): void {
    this.leftovers.fill();
    for (let slot = this.leftovers.peek(); slot >= 0; slot = this.leftovers.peek()) {
      const donor = this.donorForOnePack(slot);
      if (donor < 0) {
        this.leftovers.pop();
        continue;
      }
      this.give(slot, donor, this.pack[slot]!);
      if (this.covered[slot]! >= this.need[slot]!) this.leftovers.pop();
      else this.leftovers.reorderFirst();
    }
  }

  /** A donor already on the target's lines, else one already sending to it, else the largest. */
  private donorForOnePack(slot: number): number {
    const pack = this.pack[slot]!;
    for (let line = this.firstLine[slot]!; line >= 0; line = this.lineNext[line]!) {
      if (this.donors.remainingOf(this.lineDonor[line]!) >= pack) return this.lineDonor[line]!;
    }
    this.currentTarget = this.targetWarehouse[slot]!;
    const sending = this.donors.largestCovering(pack, this.sendsToCurrentTarget);
    if (sending >= 0) return sending;
    const largest = this.donors.largest();
    return largest >= 0 && this.donors.remainingOf(largest) >= pack ? largest : -1;
  }

  private give(slot: number, donor: number, quantity: number): void {
    this.donors.take(donor, quantity);
    this.covered[slot]! += quantity;
    this.sending[donor * this.warehouseCount + this.targetWarehouse[slot]!] = 1;
    for (let line = this.firstLine[slot]!; line >= 0; line = this.lineNext[line]!) {
      if (this.lineDonor[line] === donor) {
        this.lineQuantity[line]! += quantity;
        return;
      }
    }
    this.lineNext.push(this.firstLine[slot]!);
    this.firstLine[slot] = this.lineDonor.length;
    this.lineDonor.push(donor);
    this.lineQuantity.push(quantity);
  }
}
