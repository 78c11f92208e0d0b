/**
 * The entry of the one-file bundle (`dist/okrkit.bundle.js`) for pages without a bundler:
 * every element, registered on import, and the core's API beside them, so that a page can
 * make and share its own store (`createOkrStore`) from the same single file.
 */
export * from '@okrkit/core';
export * from './index.js';
