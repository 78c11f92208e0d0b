// What the end-to-end tests of the demo do in a page: wait for something, find a control by
// its role and name (as a person would), click it, fill it, read what is shown.
import { setTimeout as delay } from 'node:timers/promises';
import type { ElementHandle, Page } from 'puppeteer-core';

export const TIMEOUT = 10_000;

/** Polls `probe` until it returns something truthy. */
export async function eventually<T>(probe: () => Promise<T>, what: string, timeout = TIMEOUT): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`Timed out after ${timeout} ms waiting for ${what}`);
    await delay(50);
  }
}

export type Scope = Page | ElementHandle;

/** The element with this accessible role and name, once it is visible. */
export async function byRole(scope: Scope, role: string, name: string): Promise<ElementHandle> {
  const handle = await scope.waitForSelector(`::-p-aria([name="${name}"][role="${role}"])`, {
    visible: true,
    timeout: TIMEOUT,
  });
  if (!handle) throw new Error(`No ${role} named ${name}`);
  return handle as ElementHandle;
}

/** Clicks the element with this role and name once it is visible, enabled and still. */
export async function click(scope: Scope, role: string, name: string): Promise<void> {
  await (await byRole(scope, role, name)).asLocator().setTimeout(TIMEOUT).click();
}

/** The form control labelled `label` inside `container` (a dialog or a form). */
export async function control(
  page: Page,
  container: ElementHandle,
  label: string,
): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (root: Element, text: string) =>
      [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text && l.checkVisibility())?.control ??
      null,
    { polling: 50, timeout: TIMEOUT },
    container,
    label,
  );
  return handle as ElementHandle<HTMLInputElement>;
}

export async function fill(page: Page, container: ElementHandle, label: string, value: string): Promise<void> {
  await (await control(page, container, label)).asLocator().fill(value);
}

export async function isVisible(handle: ElementHandle): Promise<boolean> {
  return handle.evaluate((el) => el.isConnected && el.checkVisibility());
}

export async function text(handle: ElementHandle): Promise<string> {
  return handle.evaluate((el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
}
