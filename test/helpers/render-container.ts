/**
 * A fresh element in the document for each test to render a Preact tree into, unmounted and
 * removed after it, so no test sees another's DOM or effects.
 */
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** Registers the per-test setup; call it at module level and read `.element` inside tests. */
export function renderContainer(): { readonly element: HTMLElement } {
  const holder = { element: null as unknown as HTMLElement };
  beforeEach(() => {
    holder.element = document.createElement('div');
    document.body.append(holder.element);
  });
  afterEach(() => {
    render(null, holder.element);
    holder.element.remove();
  });
  return holder;
}
