/** Test support (specs only): the admin app over a cloned database, its pages fetched in-process. */
import { afterAll, beforeAll } from 'vitest';
import { createSessionFactory, type AdminRole, type MikroORM, type SessionFactory } from '@hub/db';
import { createStdoutLogger } from '@hub/logging';
import { createTestDatabase, openTestOrm, type TestDatabase } from '@hub/testing';
import { signedInAdmin, type SignedInAdmin } from './admin-session';
import { unusedLocalUrl } from './hub-api-stand-in';

export interface AdminPages {
  /** Sessions on the admin's database, for seeding; read it inside tests only. */
  sessions: SessionFactory;
  /** GETs `path` from the admin app. */
  page(path: string): Promise<{ status: number; body: string }>;
}

/**
 * Registers beforeAll/afterAll hooks: a fresh database and the admin app on it, signed in with
 * `role`. The pages read the database directly; the API (only asked by buttons) is an address
 * nobody answers on.
 */
export function useAdminPages(role: AdminRole = 'operator'): AdminPages {
  let db: TestDatabase | undefined;
  let orm: MikroORM | undefined;
  let admin: SignedInAdmin | undefined;
  const pages = {
    page: async (path: string) => {
      if (!admin) throw new Error('useAdminPages: the admin app is not started yet (call page() inside a test)');
      const response = await admin.request(`http://localhost${path}`);
      return { status: response.status, body: await response.text() };
    },
  } as AdminPages;
  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await openTestOrm(db.url);
    pages.sessions = createSessionFactory(orm);
    admin = await signedInAdmin({ sessions: pages.sessions, apiBaseUrl: await unusedLocalUrl(), logger: createStdoutLogger('admin-test', 'silent') }, role);
  });
  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });
  return pages;
}

/** A page's table body rows (`<tr…` to the next), without the header. */
export function tableRows(body: string): string[] {
  return body.split('<tbody>')[1]?.split('</tbody>')[0]?.split('<tr').slice(1) ?? [];
}
