/**
 * CTEs (to follow a CTE named `dead` returning aggregate_type and aggregate_id) that mark the
 * hub rows those dead events describe `failed`, in the same statement and so the same
 * transaction. A pending order whose document will never be delivered must stop counting
 * as inbound stock, or the planner would wait for it forever. Only pending rows change: an
 * order that 1С already has (sent, received) keeps its status whatever later event died.
 */
export const FAIL_DEAD_AGGREGATES = `
  failed_transfer_orders as (
    update transfer_orders o
    set status = 'failed', updated_at = now()
    from dead
    where dead.aggregate_type = 'transfer_order' and o.id = dead.aggregate_id and o.status = 'pending'
    returning o.id
  ),
  failed_external_orders as (
    update external_orders o
    set status = 'failed', updated_at = now()
    from dead
    where dead.aggregate_type = 'external_order' and o.id = dead.aggregate_id and o.status = 'pending'
    returning o.id
  )`;
