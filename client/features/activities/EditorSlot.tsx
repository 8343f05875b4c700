import { type ReactNode, useRef } from 'react';
import { useFocusFirstField } from '../common/focus';

/** [A11Y1] A form that just opened in place of a button ("+ Peiling", "Bewerken") takes focus on its first field. */
export function EditorSlot({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusFirstField(ref);
  return <div ref={ref}>{children}</div>;
}
