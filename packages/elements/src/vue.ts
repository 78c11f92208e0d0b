import type { DefineComponent } from 'vue';
import type { OkrElementListeners, OkrElementProps, OkrTagName } from './element-types.js';

/**
 * Types the okrkit tags in Vue templates (Volar / vue-tsc): `import type {} from
 * '@okrkit/elements/vue'` once, and `<okr-snapshot :session-id="id" @okr-week-change="...">`
 * checks its props and gives each listener its event class. Vue itself must be told that
 * `okr-*` tags are custom elements (`compilerOptions.isCustomElement`), see docs/frameworks.md.
 */
export type OkrVueComponent<T extends OkrTagName> = DefineComponent<OkrElementProps<T> & OkrElementListeners<T>>;

declare module 'vue' {
  interface GlobalComponents {
    'okr-access-editor': OkrVueComponent<'okr-access-editor'>;
    'okr-check-in': OkrVueComponent<'okr-check-in'>;
    'okr-detail': OkrVueComponent<'okr-detail'>;
    'okr-list': OkrVueComponent<'okr-list'>;
    'okr-next-session': OkrVueComponent<'okr-next-session'>;
    'okr-provider': OkrVueComponent<'okr-provider'>;
    'okr-session-drawer': OkrVueComponent<'okr-session-drawer'>;
    'okr-sessions': OkrVueComponent<'okr-sessions'>;
    'okr-snapshot': OkrVueComponent<'okr-snapshot'>;
    'okr-tree': OkrVueComponent<'okr-tree'>;
  }
}
