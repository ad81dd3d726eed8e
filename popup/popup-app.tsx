/**
 * The popup, as a pure function of its state: `<PopupApp state actions/>`.
 * Every page or corpus text is passed to Preact as a string child, which it
 * sets as text — never as HTML.
 */
import { useState } from 'preact/hooks';
import type { AnalysisError } from '../src/extension/analysis.js';
import { MARK_LOOKS } from '../src/extension/highlight-page.js';
import { explainVerdict } from './explain.js';
import type { PopupActions, PopupState, ReportState } from './popup-state.js';
import type { PageKept } from '../src/extension/messages.js';
import { SourceList } from './components/source-list.js';
import { VerdictSummary } from './components/verdict-summary.js';

const ERROR_TITLES: Record<AnalysisError['code'], string> = {
  'forbidden-page': 'This page can’t be checked',
  'no-article': 'No article on this page',
  failed: 'The check failed',
};

export function PopupApp({ state, actions }: { state: PopupState; actions: PopupActions }) {
  return (
    <div
      id="app"
      data-state={state.phase}
      // Time the background spent extracting and attributing, for benchmarks; absent until a verdict.
      data-elapsed-ms={state.phase === 'verdict' ? state.analysis.elapsedMs : undefined}
      data-evidence={state.phase === 'verdict' ? state.evidence : undefined}
      aria-busy={state.phase === 'loading' || (state.phase === 'verdict' && state.evidence === 'pending')}
    >
      <header class="brand">
        <span class="logo" aria-hidden="true">F</span>
        <span class="name">Firsthand</span>
      </header>
      <main class="body">
        {state.phase === 'loading' && <Loading />}
        {state.phase === 'error' && <ErrorPanel error={state.error} />}
        {state.phase === 'verdict' && (
          <>
            <VerdictSummary analysis={state.analysis} />
            <p class="explanation" data-testid="explanation">
              {explainVerdict(state.analysis)}
            </p>
            {/* With the verdict, before the evidence: a reader who agrees need not scroll past every passage. */}
            {(state.analysis.status === 'copy' || state.analysis.status === 'partial') && (
              <ReportBox report={state.report} onSave={actions.saveReport} />
            )}
            {state.analysis.sources.length > 0 && (
              <div class="tools">
                <button
                  type="button"
                  class="toggle"
                  data-testid="highlight-toggle"
                  aria-pressed={state.highlight === 'on'}
                  disabled={state.highlight === 'busy'}
                  onClick={actions.toggleHighlight}
                >
                  {state.highlight === 'on' ? 'Remove highlights' : 'Highlight on page'}
                </button>
                <p class="note" role="status">{state.highlightNote ?? ''}</p>
              </div>
            )}
            {state.highlight === 'on' && <PageLegend />}
            {state.analysis.sources.length > 0 && (
              <p class="legend" aria-hidden="true">
                <span class="w-shared">same words</span> · <span class="w-reworded">reworded</span>
              </p>
            )}
            {actions.keepPage && actions.forgetKeptPage && <KeepBox keep={actions.keepPage} forget={actions.forgetKeptPage} />}
            {state.evidence === 'shown' ? (
              <SourceList sources={state.analysis.sources} />
            ) : (
              state.analysis.sources.length > 0 && <div class="skeleton" aria-hidden="true" />
            )}
          </>
        )}
      </main>
      <footer class="links">
        <button type="button" class="link" onClick={actions.openReports}>
          Reports
        </button>
        <button type="button" class="link" onClick={actions.openOptions}>
          Options
        </button>
      </footer>
    </div>
  );
}

/** What the highlight colours on the page mean (each mark also says it on hover). */
function PageLegend() {
  const swatch = (kind: string, label: string) => (
    <span class="swatch" data-kind={kind} style={{ backgroundColor: MARK_LOOKS[kind]!.background }}>
      {label}
    </span>
  );
  return (
    <p class="legend page-legend" data-testid="page-legend">
      On the page: {swatch('verbatim', 'same words')} {swatch('paraphrase', 'reworded')} {swatch('quote', 'shared quote')}
    </p>
  );
}

function Loading() {
  return (
    <section class="loading" role="status">
      <p class="headline">Checking this page…</p>
      <div class="skeleton" aria-hidden="true" />
      <div class="skeleton short" aria-hidden="true" />
    </section>
  );
}

/** Not being able to check a page is news to the reader, not a fault: only a failed check is an alert. */
function ErrorPanel({ error }: { error: AnalysisError }) {
  const fault = error.code === 'failed';
  return (
    <section class={fault ? 'error' : 'notice'} data-testid="error" data-code={error.code} role={fault ? 'alert' : 'status'}>
      <h1 class="headline">{ERROR_TITLES[error.code]}</h1>
      <p>{error.message}</p>
    </section>
  );
}

const DELIVERY_NOTES = {
  saved: 'Report saved.',
  sent: 'Report saved and sent.',
  'pending-retry': 'Report saved; it will be sent when your endpoint answers.',
} as const;

function ReportBox({ report, onSave }: { report: ReportState; onSave(comment: string): void }) {
  const [comment, setComment] = useState('');
  return (
    <section class="report" aria-label="Report a suspected copy">
      <label class="comment">
        <span>Comment (optional)</span>
        <textarea
          rows={1}
          maxLength={2000}
          value={comment}
          onInput={(event) => setComment((event.currentTarget as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="report-row">
        <button
          type="button"
          data-testid="report"
          disabled={report.step === 'saving' || report.step === 'saved'}
          onClick={() => onSave(comment)}
        >
          Report a suspected copy
        </button>
        <span class="note" role="status">
          {report.step === 'saved' && <span data-testid="report-saved">{DELIVERY_NOTES[report.delivery]}</span>}
          {report.step === 'saving' && 'Saving…'}
          {report.step === 'failed' && `Not saved: ${report.message}`}
        </span>
      </div>
    </section>
  );
}

type KeepState =
  | { step: 'idle' | 'busy' }
  | { step: 'kept'; kept: PageKept }
  | { step: 'forgotten' }
  | { step: 'failed'; message: string };

const KEPT_NOTES: Record<PageKept['outcome'], string> = {
  added: 'Added to your corpus: a copy met later is matched against it.',
  replaced: 'Your corpus had an older version of this page: replaced.',
  unchanged: 'Already in your corpus.',
};

/** "Add this page to my corpus", and its undo: the page's text, title, outlet, time and address stay in this browser. */
function KeepBox({ keep, forget }: { keep(): Promise<PageKept>; forget(id: string): Promise<number> }) {
  const [state, setState] = useState<KeepState>({ step: 'idle' });
  const failed = (error: unknown) => setState({ step: 'failed', message: error instanceof Error ? error.message : String(error) });
  const onKeep = () => {
    setState({ step: 'busy' });
    keep().then((kept) => setState({ step: 'kept', kept }), failed);
  };
  const onUndo = (id: string) => {
    setState({ step: 'busy' });
    forget(id).then(() => setState({ step: 'forgotten' }), failed);
  };
  return (
    <section class="keep" aria-label="Your corpus">
      {state.step === 'kept' ? (
        <p class="note" role="status" data-testid="keep-note">
          {state.kept.id === null ? 'Its text is already in your corpus under another address.' : KEPT_NOTES[state.kept.outcome]}{' '}
          {state.kept.id !== null && (
            <button type="button" class="link" data-testid="keep-undo" onClick={() => onUndo((state.kept as PageKept).id!)}>
              {state.kept.outcome === 'added' ? 'Undo' : 'Remove it'}
            </button>
          )}
        </p>
      ) : (
        <div class="report-row">
          <button type="button" data-testid="keep-page" disabled={state.step === 'busy'} onClick={onKeep}>
            Add this page to my corpus
          </button>
          <span class="note" role="status" data-testid="keep-note">
            {state.step === 'forgotten' && 'Removed from your corpus.'}
            {state.step === 'failed' && `Not added: ${state.message}`}
          </span>
        </div>
      )}
    </section>
  );
}
