import fc from 'fast-check';
import { hostileRequest, type FuzzTarget, type HostileRequest } from './hostile-request';
import type { RawRequest, RawResponse } from './raw-http';
import { problemsOf } from './response-checks';

/** Who a case is sent as (no token, a token, a session…), with what that adds to the request. */
export interface FuzzIdentity {
  name: string;
  /** Adds credentials to `request` (merging any Cookie the fuzzer made up). */
  dress(request: RawRequest): RawRequest | Promise<RawRequest>;
}

export interface FuzzPlan {
  targets: readonly FuzzTarget[];
  identities: readonly FuzzIdentity[];
  /** The app's body limit: a larger body on a method that carries one must be a 413. */
  bodyLimit: number;
  casesPerTarget: number;
  send(request: RawRequest): Promise<RawResponse>;
  /** Problems particular to the app (e.g. "without a token, /api answers 401"). */
  check?(request: HostileRequest, identity: FuzzIdentity, response: RawResponse): string[];
}

/** Cases sent per target and identity, and the statuses seen. */
export interface FuzzTally {
  total: number;
  perTarget: Map<string, number>;
  perIdentity: Map<string, number>;
  statuses: Map<number, number>;
  /** `target identity` → statuses seen, e.g. to show some cases got past authentication. */
  statusesByTargetAndIdentity: Map<string, Set<number>>;
}

const targetName = (target: FuzzTarget): string => `${target.method.toUpperCase()} ${target.path}`;
const bump = <K>(map: Map<K, number>, key: K): void => {
  map.set(key, (map.get(key) ?? 0) + 1);
};

/**
 * Bodies on GET and HEAD are never read by the server, so only other methods can be refused for
 * their size; headers over Node's limit are refused (431) before the body, which is as good.
 */
function oversizedProblems(request: HostileRequest, response: RawResponse, limit: number): string[] {
  const size = request.body?.length ?? 0;
  if (size <= limit || request.method === 'GET' || request.method === 'HEAD') return [];
  return [413, 431].includes(response.status) ? [] : [`a ${size}-byte body (limit ${limit}) answered ${response.status}, not 413`];
}

/**
 * Sends `casesPerTarget` hostile requests to every target, each as one of the identities in turn,
 * and fails (fast-check shrinks it to a small case, with its seed) at the first answer that
 * breaks a rule of `problemsOf`, the body limit or `plan.check`.
 */
export async function fuzzTargets(plan: FuzzPlan): Promise<FuzzTally> {
  const tally: FuzzTally = { total: 0, perTarget: new Map(), perIdentity: new Map(), statuses: new Map(), statusesByTargetAndIdentity: new Map() };
  for (const target of plan.targets) {
    const property = fc.asyncProperty(hostileRequest(target, plan.bodyLimit), fc.nat(plan.identities.length - 1), async (request, index) => {
      const identity = plan.identities[index] as FuzzIdentity;
      const response = await plan.send(await identity.dress(request));
      tally.total += 1;
      bump(tally.perTarget, targetName(target));
      bump(tally.perIdentity, identity.name);
      bump(tally.statuses, response.status);
      const key = `${targetName(target)} ${identity.name}`;
      tally.statusesByTargetAndIdentity.set(key, (tally.statusesByTargetAndIdentity.get(key) ?? new Set()).add(response.status));
      const problems = [...problemsOf(response), ...oversizedProblems(request, response, plan.bodyLimit), ...(plan.check?.(request, identity, response) ?? [])];
      if (problems.length > 0) {
        throw new Error(`${identity.name} ${String(request)}: ${problems.join('; ')}\nanswer ${response.status}: ${response.body.slice(0, 600)}`);
      }
    });
    await fc.assert(property, { numRuns: plan.casesPerTarget, endOnFailure: false });
  }
  return tally;
}

/** One line per target and the totals, for the suite's output (the closing note quotes them). */
export function describeTally(app: string, tally: FuzzTally): string {
  const lines = [...tally.perTarget].map(([name, count]) => `  ${name}: ${count}`);
  const identities = [...tally.perIdentity].map(([name, count]) => `${name} ${count}`).join(', ');
  const statuses = [...tally.statuses]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status}×${count}`)
    .join(' ');
  return `hostile input, ${app}: ${tally.total} cases (${identities}); statuses ${statuses}\n${lines.join('\n')}\n`;
}
