import { type ComponentType, lazy, Suspense } from 'react';
import { useT } from '../../i18n';

/**
 * An activity editor loaded on demand: editors are for the facilitator only, so they stay out of
 * the participant's first download.
 */
export function lazyEditor<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): ComponentType<P> {
  const Editor = lazy(load);
  // Called once per kind when the registry module loads, never during a render: the component
  // it returns is as stable as one written at module level.
  // biome-ignore lint/correctness/noComponentHookFactories: module-level factory, see above
  return function LazyEditor(props: P) {
    const t = useT();
    return (
      <Suspense
        fallback={
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        }
      >
        <Editor {...props} />
      </Suspense>
    );
  };
}
