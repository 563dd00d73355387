/** What GET /__sandbox/moysklad/stats reports: the limits the sandbox enforces, what it counted, the orders it holds. */
export interface MoySkladSandboxStats {
  limits: { windowMs: number; unitsPerWindow: number; tokenWeight: number; parallelPerToken: number; parallelPerAccount: number };
  requests: { admitted: number; refusedWindow: number; refusedParallel: number };
  customerOrders: {
    documents: Array<{ id: string; name: string; externalCode: string; positionCount: number }>;
    createRequests: number;
    /** Creates whose externalCode was already used. */
    duplicateRequests: number;
    /** Orders beyond the first per externalCode. */
    duplicateDocuments: number;
  };
}

/** Reads the sandbox's МойСклад counters over its control endpoint. */
export async function readMoySkladSandboxStats(baseUrl: string): Promise<MoySkladSandboxStats> {
  const response = await fetch(`${baseUrl}/__sandbox/moysklad/stats`);
  if (!response.ok) throw new Error(`sandbox answered GET /__sandbox/moysklad/stats with ${response.status}`);
  return (await response.json()) as MoySkladSandboxStats;
}
