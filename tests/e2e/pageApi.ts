/**
 * Helpers the end-to-end specs share: the app's API called from inside the page (the same
 * window.assembly the renderer uses), moving to an area by its address, finding a session.
 */
import { expect, type Page } from '@playwright/test';
import type { ApiResult } from '../../preload/contract';
import type { Session } from '../../main/domain/sessions/types';

/** Calls an API method from the page and returns its data (throws with the error otherwise). */
export async function api<T>(page: Page, method: string, args: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([m, a]) => {
      const [domain, action] = (m as string).split('.') as [string, string];
      // globalThis: this callback runs in the page, where the API is window.assembly.
      const group = (globalThis as unknown as { assembly: Record<string, Record<string, (x: unknown) => Promise<unknown>>> }).assembly[domain]!;
      return group[action]!(a);
    },
    [method, args] as const,
  );
  const r = result as ApiResult<T>;
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/** Moves to an address inside the app (#/area/part) as a link would. */
export async function goToHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = h;
  }, hash);
}

/** The session of the open assembly with this name. */
export async function sessionNamed(page: Page, name: string): Promise<Session> {
  const sessions = await api<Session[]>(page, 'sessions.list', {});
  const session = sessions.find((s) => s.name === name);
  if (!session) throw new Error(`No session called ${name}`);
  return session;
}

/**
 * Opens the app and, on a first visit, gives the operator's name (the start page asks for it
 * once per browser): the page then shows its first heading, whatever the area.
 */
export async function startAsOperator(page: Page, appUrl: string, operatorName = 'Lotte Vermeulen'): Promise<void> {
  await page.goto(appUrl);
  const operator = page.getByLabel('Your name (operator)');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(operator.or(heading).first()).toBeVisible({ timeout: 30_000 });
  if (await operator.isVisible()) {
    await operator.fill(operatorName);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}
