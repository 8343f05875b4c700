import type { ReactNode } from 'react';

/** A message block. `alert` is announced at once (errors); `status` politely. */
export function Notice(props: {
  kind?: 'info' | 'error' | 'success';
  role?: 'alert' | 'status';
  children: ReactNode;
}) {
  return (
    <div className={`notice notice--${props.kind ?? 'info'}`} role={props.role}>
      {props.children}
    </div>
  );
}
