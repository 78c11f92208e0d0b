/**
 * One `MutationObserver` for every okrkit element on the page: it watches `lang` on the
 * whole document (and on elements inside shadow roots, which the document's observer
 * does not see), and tells each connected element to check its language again. One
 * observer for all, not one per element: a page of a hundred elements costs one callback
 * per `lang` change.
 */

const watchers = new Set<() => void>();
let observer: MutationObserver | undefined;

const OPTIONS: MutationObserverInit = { attributes: true, attributeFilter: ['lang'] };

/** Calls `onChange` after any `lang` changes on the page or on `element`; returns the function that stops it. */
export function watchLang(element: Element, onChange: () => void): () => void {
  if (!observer) {
    observer = new MutationObserver(() => {
      for (const watcher of [...watchers]) watcher();
    });
    observer.observe(document.documentElement, { ...OPTIONS, subtree: true });
  }
  // An element in a shadow root is outside the document's subtree: watch the element itself.
  if (element.getRootNode() !== document) observer.observe(element, OPTIONS);
  watchers.add(onChange);
  return () => {
    watchers.delete(onChange);
    if (watchers.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}

/**
 * The nearest `lang` declared above `element` (not on it), crossing shadow roots to their
 * hosts and ending at `<html lang>`; `undefined` when none is. An empty `lang` is skipped.
 */
export function inheritedLang(element: Element): string | undefined {
  let node: Node | null = element.parentNode ?? null;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.parentNode;
    } else {
      node = node instanceof ShadowRoot ? node.host : null;
    }
  }
  return undefined;
}
