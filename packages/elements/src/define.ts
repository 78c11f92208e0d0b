const warned = new Set<string>();

/**
 * Registers `elementClass` as `tag`, safely when okrkit is loaded more than once on a page
 * (micro-frontends, two bundles, a CDN copy beside an npm copy): registering the same class
 * again does nothing, and another class under a taken tag keeps the first and warns once,
 * instead of the "already been used with this registry" error that would stop the second
 * bundle from loading at all.
 */
export function defineElement(tag: string, elementClass: CustomElementConstructor): void {
  const existing = customElements.get(tag);
  if (existing === undefined) {
    customElements.define(tag, elementClass);
    return;
  }
  if (existing === elementClass || warned.has(tag)) return;
  warned.add(tag);
  console.warn(
    `okrkit: <${tag}> is already defined by another copy of okrkit; keeping the first one. ` +
      'Load @okrkit/elements once per page (or dedupe it in your bundler) to use a single version.',
  );
}
