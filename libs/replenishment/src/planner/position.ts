/** Step 1: what a warehouse will have once open orders arrive, net of reservations. */
export function computePosition(onHand: number, reserved: number, inbound: number): number {
  return onHand - reserved + inbound;
}

/** The pack size a rule's multiple stands for: a multiple below 1 means "any quantity". */
export function packSize(multiple: number): number {
  return Math.max(1, Math.trunc(multiple));
}

/** Rounds `quantity` up to the next multiple; a multiple below 1 means "any quantity". */
export function roundUpToMultiple(quantity: number, multiple: number): number {
  const step = packSize(multiple);
  return Math.ceil(quantity / step) * step;
}

/**
 * Step 2: below min → bring the position back to max, rounded up to the multiple
 * (min 10, max 40, multiple 6, position 8 → 36). At or above min → 0. A max below min
 * is read as max = min, so the need always lifts the position to at least min and a
 * second plan after this one's orders arrive asks nothing again.
 */
export function computeNeed(position: number, rule: { min: number; max: number; multiple: number }): number {
  if (position >= rule.min) return 0;
  return roundUpToMultiple(Math.max(rule.max, rule.min) - position, rule.multiple);
}

/**
 * Step 3: what a donor can give without dropping below its own min. Goods already
 * promised to open orders (outbound) are not surplus; inbound is left out on purpose:
 * goods still on the road cannot be shipped on.
 */
export function computeSurplus(onHand: number, reserved: number, outbound: number, ownMin: number): number {
  return Math.max(0, onHand - reserved - outbound - ownMin);
}
