import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type RowWindow, rowOffsets, rowWindow } from './row-window.js';

/** Rows rendered above and below the visible ones. */
const OVERSCAN = 8;

/**
 * Which rows of `<okr-snapshot>`'s table to render as it scrolls: the rows' offsets, the
 * scroll position, the viewport's height (followed with a ResizeObserver) and the window
 * of rows rendered last. The arithmetic is row-window.ts's; this keeps the bookkeeping
 * and asks the element to render again only when the scroll or a resize changes which
 * rows are in the window.
 */
export class RowWindowController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { readonly renderRoot: ParentNode };
  /** The viewport's selector in the host's shadow root. */
  readonly #selector: string;
  #offsets: Float64Array = new Float64Array(1);
  /**
   * The table's scroll position. Not reactive: a scroll asks for an update only when it
   * changes which rows are rendered (see `scrolledTo`).
   */
  #scrollTop = 0;
  #viewportHeight = 640;
  /** The rows rendered by the last update. */
  #rendered: RowWindow | undefined;
  #resizeObserver: ResizeObserver | undefined;
  #observed: Element | undefined;

  constructor(host: ReactiveControllerHost & { readonly renderRoot: ParentNode }, selector: string) {
    this.#host = host;
    this.#selector = selector;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    this.#observed = undefined;
  }

  /** Lays out `count` rows of the heights given (after the rows or their heights change). */
  layout(count: number, heightOf: (index: number) => number): void {
    this.#offsets = rowOffsets(count, heightOf);
  }

  /** The rows in view, plus the overscan. */
  window(): RowWindow {
    return rowWindow(this.#offsets, this.#scrollTop, this.#viewportHeight, OVERSCAN);
  }

  /** The window to render now, noted as rendered. */
  take(): RowWindow {
    const win = this.window();
    this.#rendered = win;
    return win;
  }

  /** Follows the height of the viewport the last update rendered (a new one after the table appears). */
  observeViewport(): void {
    const viewport = this.#host.renderRoot.querySelector<HTMLElement>(this.#selector);
    if (viewport === this.#observed) return;
    this.#resizeObserver ??= new ResizeObserver((entries) => {
      const height = entries[entries.length - 1]?.contentRect.height;
      if (height && Math.abs(height - this.#viewportHeight) > 1) {
        this.#viewportHeight = height;
        this.#host.requestUpdate();
      }
    });
    if (this.#observed) this.#resizeObserver.unobserve(this.#observed);
    this.#observed = viewport ?? undefined;
    if (viewport) this.#resizeObserver.observe(viewport);
  }

  /** Back to the first row: the viewport scrolled to the top, and the window with it. */
  scrollToTop(): void {
    const viewport = this.#host.renderRoot.querySelector<HTMLElement>(this.#selector);
    if (viewport) viewport.scrollTop = 0;
    this.scrolledTo(0);
  }

  /** Forgets the scroll position (another session: its table starts at the top). */
  forgetScroll(): void {
    this.#scrollTop = 0;
  }

  /** The viewport's scroll event: its `scrollTop`. */
  readonly onScroll = (event: Event): void => {
    this.scrolledTo((event.currentTarget as HTMLElement).scrollTop);
  };

  /**
   * Renders again only when the scroll changes which rows are in the window. Browsers fire
   * scroll events once per frame, before animation frame callbacks, and Lit batches the
   * update into a microtask, so this is at most one update per frame, and it lands in the
   * frame that scrolled (deferring it to `requestAnimationFrame` would not save a render).
   */
  scrolledTo(top: number): void {
    this.#scrollTop = top;
    const { start, end } = this.window();
    if (start !== this.#rendered?.start || end !== this.#rendered.end) this.#host.requestUpdate();
  }
}
