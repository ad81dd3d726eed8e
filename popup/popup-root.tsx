/** The popup wired to a port. */
import { useLayoutEffect } from 'preact/hooks';
import { PopupApp } from './popup-app.js';
import type { PopupPort, PopupState } from './popup-state.js';
import { usePopup } from './use-popup.js';

/** Moments benchmarks mark: the verdict or error rendered, then the passages rendered. */
export type PopupMilestone = 'settled' | 'evidence';

function milestoneOf(state: PopupState): PopupMilestone | null {
  if (state.phase === 'error') return 'settled';
  if (state.phase === 'verdict') return state.evidence === 'shown' ? 'evidence' : 'settled';
  return null;
}

/** `onMilestone` is called as each milestone is rendered (before it is painted). */
export function PopupRoot({ port, onMilestone }: { port: PopupPort; onMilestone?: (milestone: PopupMilestone) => void }) {
  const [state, actions] = usePopup(port);
  const milestone = milestoneOf(state);
  useLayoutEffect(() => {
    if (milestone !== null) onMilestone?.(milestone);
  }, [milestone]);
  return <PopupApp state={state} actions={actions} />;
}
