import { svg, type TemplateResult } from 'lit';

/**
 * Inline SVG icons: emoji and dingbats (🗑 ✎ ✕ ▸) render as empty boxes on systems
 * without an emoji font. Each icon is 1em square, takes `currentColor`, and is hidden
 * from assistive technology: the button or link around it carries the accessible name.
 * Chevrons point to the inline end/start and are mirrored in right-to-left text by CSS
 * (`:dir(rtl) .icon-mirror { transform: scaleX(-1) }`), so they carry `icon-mirror`.
 */
function icon(body: TemplateResult, mirror = false): TemplateResult {
  return svg`<svg class=${mirror ? 'icon icon-mirror' : 'icon'} aria-hidden="true" focusable="false" width="1em" height="1em" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;
}

/** A pencil: edit. */
export const iconEdit = (): TemplateResult => icon(svg`<path d="M11.5 2.5l2 2L5 13H3v-2z"/><path d="M10 4l2 2"/>`);

/** A bin: remove. */
export const iconRemove = (): TemplateResult =>
  icon(
    svg`<path d="M2.5 4.5h11"/><path d="M6 4.5V3h4v1.5"/><path d="M4 4.5l.7 9h6.6l.7-9"/><path d="M6.8 7v4.5M9.2 7v4.5"/>`,
  );

/** A cross: close or dismiss. */
export const iconClose = (): TemplateResult => icon(svg`<path d="M4 4l8 8M12 4l-8 8"/>`);

/** An "i" in a circle: details. */
export const iconDetails = (): TemplateResult =>
  icon(svg`<circle cx="8" cy="8" r="6"/><path d="M8 7.2v4"/><path d="M8 4.8v.1"/>`);

/** A plus: add. */
export const iconAdd = (): TemplateResult => icon(svg`<path d="M8 3v10M3 8h10"/>`);

/** Points to the inline end (right in left-to-right text): next, expand. */
export const iconChevronEnd = (): TemplateResult => icon(svg`<path d="M6 3.5L10.5 8 6 12.5"/>`, true);

/** Points to the inline start (left in left-to-right text): previous. */
export const iconChevronStart = (): TemplateResult => icon(svg`<path d="M10 3.5L5.5 8l4.5 4.5"/>`, true);

/** Points down: a menu or a section that opens. */
export const iconChevronDown = (): TemplateResult => icon(svg`<path d="M3.5 6L8 10.5 12.5 6"/>`);

/** Six dots: a handle to drag or reorder by. */
export const iconGrip = (): TemplateResult =>
  icon(
    svg`<circle cx="6" cy="4" r=".6"/><circle cx="10" cy="4" r=".6"/><circle cx="6" cy="8" r=".6"/><circle cx="10" cy="8" r=".6"/><circle cx="6" cy="12" r=".6"/><circle cx="10" cy="12" r=".6"/>`,
  );

/** A filled triangle pointing up: moved up, sorted ascending. */
export const iconTriangleUp = (): TemplateResult =>
  icon(svg`<path d="M8 3.5l5 8H3z" fill="currentColor" stroke="none"/>`);

/** A filled triangle pointing down: moved down, sorted descending. */
export const iconTriangleDown = (): TemplateResult =>
  icon(svg`<path d="M8 12.5l5-8H3z" fill="currentColor" stroke="none"/>`);

/** Styles every element that shows icons adopts: size, alignment, mirroring in right-to-left text. */
export { iconStyles } from './icons.styles.js';
