/** Entry of reports.html. */
import { render } from 'preact';
import { ReportsApp, type ReportsPort } from './reports-app.js';
import { browser } from '../src/extension/browser.js';
import { createSender, type Message } from '../src/extension/messages.js';

const send = createSender((message: Message) => browser.runtime.sendMessage(message));

const port: ReportsPort = {
  listReports: () => send('listReports'),
  deleteReport: (id) => send('deleteReport', id),
  retryPendingReports: () => send('retryPendingReports'),
  nextReportRetry: () => send('nextReportRetry'),
};

render(<ReportsApp port={port} />, document.body);
