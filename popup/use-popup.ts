/** Drives PopupState through a PopupPort. */
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PopupActions, PopupPort, PopupState } from './popup-state.js';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Longest wait for a frame, ms: hidden pages get none, and the passages must come anyway. */
const FRAME_WAIT_MS = 100;

/**
 * Run `task` once, after the next frame has been painted and the tasks that waited for that frame
 * have run, or after FRAME_WAIT_MS without a frame. The passages' render holds the main thread for
 * 50-120 ms in a fresh popup (traced, Chrome, load 5): started in the first task after the frame, it
 * ran before everything else queued for that frame (the verdict's paint mark among them), which then
 * waited for the passages. One more task's wait lets them go first.
 */
function afterPaint(task: () => void): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    task();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(() => setTimeout(once, 0), 0));
  setTimeout(once, FRAME_WAIT_MS);
}

export function usePopup(port: PopupPort): [PopupState, PopupActions] {
  const [state, setState] = useState<PopupState>({ phase: 'loading' });
  // Actions read the latest state here instead of starting side effects inside state updaters.
  const current = useRef(state);
  current.current = state;

  // A layout effect, not useEffect: that one waits for a painted frame, and the answer is often
  // there before the popup's first paint (the check starts at the click), so it can go straight in.
  useLayoutEffect(() => {
    let live = true;
    port.analyze().then(
      (outcome) => {
        if (!live) return;
        if (!outcome.ok) return setState({ phase: 'error', error: outcome.error });
        setState({
          phase: 'verdict',
          analysis: outcome.analysis,
          highlight: 'off',
          highlightNote: null,
          report: { step: 'idle' },
          evidence: 'pending',
        });
        // The passages can take longer to lay out than everything else together: the verdict goes first.
        afterPaint(() => {
          if (live) setState((s) => (s.phase === 'verdict' ? { ...s, evidence: 'shown' } : s));
        });
      },
      (error: unknown) => {
        if (live) setState({ phase: 'error', error: { code: 'failed', message: messageOf(error) } });
      },
    );
    return () => {
      live = false;
    };
  }, [port]);

  const actions = useMemo<PopupActions>(() => {
    const update = (change: (s: Extract<PopupState, { phase: 'verdict' }>) => PopupState): void =>
      setState((s) => (s.phase === 'verdict' ? change(s) : s));
    return {
      toggleHighlight() {
        const s = current.current;
        if (s.phase !== 'verdict' || s.highlight === 'busy') return;
        const on = s.highlight === 'off';
        update((v) => ({ ...v, highlight: 'busy', highlightNote: null }));
        port.highlight(on).then(
            ({ marks }) =>
              update((v) => ({
                ...v,
                highlight: on ? 'on' : 'off',
                highlightNote: on && marks === 0 ? 'The passages could not be found in the page as it is now.' : null,
              })),
            (error: unknown) => update((v) => ({ ...v, highlight: on ? 'off' : 'on', highlightNote: messageOf(error) })),
          );
      },
      saveReport(comment) {
        const s = current.current;
        if (s.phase !== 'verdict' || s.report.step === 'saving') return;
        update((v) => ({ ...v, report: { step: 'saving' } }));
        port.saveReport(comment).then(
          (report) => update((v) => ({ ...v, report: { step: 'saved', delivery: report.delivery.status } })),
          (error: unknown) => update((v) => ({ ...v, report: { step: 'failed', message: messageOf(error) } })),
        );
      },
      openReports: () => port.openReports(),
      openOptions: () => port.openOptions(),
      ...(port.keepPage && port.forgetKeptPage ? { keepPage: port.keepPage.bind(port), forgetKeptPage: port.forgetKeptPage.bind(port) } : {}),
    };
  }, [port]);

  return [state, actions];
}
