import type * as React from 'react';
import type { OkrElementProps, OkrElements, OkrTagName } from '../element-types.js';

/**
 * `<okr-snapshot>` and the other tags as React 19 JSX elements, for hosts that use the
 * elements directly rather than through the wrappers: React 19 sets a prop as a property
 * when the element has one (`sessionId`, `store`, `people`), and adds `on` + the event's
 * exact name as a listener (`onokr-week-change`).
 */
export type OkrIntrinsicElements = {
  [T in OkrTagName]: React.DetailedHTMLProps<
    React.HTMLAttributes<OkrElements[T]['element']>,
    OkrElements[T]['element']
  > &
    OkrElementProps<T> & {
      [E in keyof OkrElements[T]['events'] & string as `on${E}`]?: (event: OkrElements[T]['events'][E]) => void;
    };
};

// React declares its JSX types as a namespace (the style avoids namespaces): merging into it is the only way in.
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends OkrIntrinsicElements {}
  }
}
