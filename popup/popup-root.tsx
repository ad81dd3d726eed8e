/** The popup wired to a port. */
import { PopupApp } from './popup-app.js';
import type { PopupPort } from './popup-state.js';
import { usePopup } from './use-popup.js';

export function PopupRoot({ port }: { port: PopupPort }) {
  const [state, actions] = usePopup(port);
  return <PopupApp state={state} actions={actions} />;
}
