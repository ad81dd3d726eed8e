/** What a report holds, said on the options page before anything is sent, and the reader's choice about the page address. */
import type { ReportOptions } from '../../src/extension/messages.js';
import { MAX_EXCERPT_CHARS, MAX_REPORT_PASSAGES } from '../../src/extension/report.js';

export function ReportContents({ options, onKeepFullUrl }: { options: ReportOptions | null; onKeepFullUrl(keep: boolean): void }) {
  return (
    <section aria-labelledby="contents-heading">
      <h2 id="contents-heading">What a report contains</h2>
      <ul class="report-contents">
        <li>the page's address and title, and a SHA-256 fingerprint of its text (not the text);</li>
        <li>the verdict: how much of the page is borrowed, and the likely original;</li>
        <li>
          {`up to ${MAX_REPORT_PASSAGES} matched passages, each as up to ${MAX_EXCERPT_CHARS} characters of the page and of the source, with their positions;`}
        </li>
        <li>the title, outlet, date and address of each source;</li>
        <li>your comment, when you made the report, and Firsthand's version.</li>
      </ul>
      <p>
        Nothing else: no other text of the page, no browsing history, nothing that identifies you or this browser. It
        goes only to the endpoint above, and only if you set one.
      </p>
      <label class="check">
        <input
          type="checkbox"
          data-testid="keep-full-url"
          checked={options?.keepFullUrl ?? false}
          disabled={options === null}
          onChange={(event) => onKeepFullUrl((event.currentTarget as HTMLInputElement).checked)}
        />
        <span>
          Send the page's full address. By default a report's address leaves out the part after # and tracking
          parameters such as <code>utm_source</code>, <code>fbclid</code> or <code>gclid</code>, keeping those that
          pick the article.
        </span>
      </label>
    </section>
  );
}
